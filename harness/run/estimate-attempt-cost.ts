import type { Price } from '../core/price-schema.ts';
import type { Task } from '../core/suite.ts';
import { estimateTokens } from '../tokens/estimate-tokens.ts';

/**
 * Tokens chat formats add around each message (role markers, separators). Counted so that the
 * estimate stays an upper bound of what providers bill for the prompt (OpenAI documents about 4
 * per message; the simulator counts 4 per message and 4 for the system prompt).
 */
const framingTokensPerMessage = 4;

/** What one attempt may use before it is made: its prompt and at most `maxOutput` output tokens. */
export interface AttemptTokenEstimate {
  readonly prompt: number;
  readonly maxOutput: number;
}

/** Prompt tokens (system prompt and user message, with their framing) and the output cap of one attempt. */
export function estimateAttemptTokens(task: Pick<Task, 'system' | 'prompt'>, maxTokens: number): AttemptTokenEstimate {
  const system = task.system === undefined ? 0 : estimateTokens(task.system) + framingTokensPerMessage;
  return { prompt: system + estimateTokens(task.prompt) + framingTokensPerMessage, maxOutput: maxTokens };
}

/**
 * Cost in USD at list price of `promptTokens` input and `outputTokens` output, all input at the
 * uncached rate (the upper bound: cache savings are never assumed ahead of a call).
 */
export function estimateCostUsd(price: Price, promptTokens: number, outputTokens: number): number {
  return (promptTokens * price.input + outputTokens * price.output) / 1_000_000;
}
