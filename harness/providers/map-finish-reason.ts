import type { FinishReason } from '../core/provider-contract.ts';

/** Chat Completions `finish_reason` onto the closed set. */
export function mapOpenAIFinishReason(reason: string): FinishReason {
  if (reason === 'stop' || reason === 'length' || reason === 'content_filter' || reason === 'tool_calls') return reason;
  return reason === 'function_call' ? 'tool_calls' : 'other';
}

/** Messages API `stop_reason` onto the closed set. */
export function mapAnthropicStopReason(reason: string): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

const geminiFiltered = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION']);

/** Gemini `finishReason` onto the closed set. */
export function mapGeminiFinishReason(reason: string): FinishReason {
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  return geminiFiltered.has(reason) ? 'content_filter' : 'other';
}
