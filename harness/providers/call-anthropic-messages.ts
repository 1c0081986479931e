import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { ProviderRequest, ProviderResponse } from '../core/provider-contract.ts';
import { AnthropicUsageSchema, mapAnthropicUsage, mergeAnthropicUsage, type AnthropicUsage } from './map-anthropic-usage.ts';
import { mapAnthropicStopReason } from './map-finish-reason.ts';
import { incompleteStream, parseProviderBody } from './parse-provider-body.ts';
import { createStreamText } from './stream-text.ts';

const provider = 'anthropic';

/** Header carrying the attempt seed: the Messages API has no seed, and unknown headers are ignored. */
export const seedHeader = 'x-baton-seed';

const MessageSchema = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  stop_reason: z.string().nullish(),
  usage: AnthropicUsageSchema,
});

const EventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ usage: AnthropicUsageSchema }) }),
  z.object({ type: z.literal('content_block_delta'), delta: z.object({ type: z.string(), text: z.string().optional() }) }),
  z.object({ type: z.literal('message_delta'), delta: z.object({ stop_reason: z.string().nullish() }), usage: AnthropicUsageSchema.nullish() }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.enum(['content_block_start', 'content_block_stop', 'ping']) }),
]);

/**
 * The sampling settings this SDK's Messages API cannot take: it has no temperature or top_p, so
 * they are not sent, and each response says so (the runner keeps one warning per model).
 */
function unsupportedSettings(request: ProviderRequest): string[] {
  const dropped = request.topP === undefined ? 'temperature' : 'temperature and top_p';
  return [`anthropic: ${dropped} not sent (the Messages API takes no sampling parameters)`];
}

/**
 * One Messages API call, streamed or plain. The system prompt is marked for prompt caching:
 * every task of a suite repeats it, and the API ignores the mark below its minimum length.
 */
export async function callAnthropicMessages(client: Anthropic, request: ProviderRequest, stream: boolean, promptCaching: boolean): Promise<ProviderResponse> {
  const started = performance.now();
  const body = {
    model: request.model,
    max_tokens: request.maxTokens,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    ...(request.system === undefined ? {} : { system: [{ type: 'text' as const, text: request.system, ...(promptCaching ? { cache_control: { type: 'ephemeral' as const } } : {}) }] }),
    ...(request.stop === undefined ? {} : { stop_sequences: [...request.stop] }),
  };
  const options = { signal: request.signal, headers: { [seedHeader]: String(request.seed) } };
  const warnings = unsupportedSettings(request);
  if (!stream) {
    const message = parseProviderBody(provider, MessageSchema, await client.messages.create({ ...body, stream: false }, options));
    return {
      text: message.content.map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join(''),
      finishReason: mapAnthropicStopReason(message.stop_reason ?? 'other'),
      usage: mapAnthropicUsage(message.usage),
      ttftMs: null,
      warnings,
    };
  }
  const events = await client.messages.create({ ...body, stream: true }, options);
  const text = createStreamText(started);
  let usage: AnthropicUsage | undefined;
  let stopReason: string | undefined;
  let stopped = false;
  for await (const raw of events) {
    const event = parseProviderBody(provider, EventSchema, raw);
    if (event.type === 'message_start') usage = mergeAnthropicUsage(usage, event.message.usage);
    else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text.add(event.delta.text);
    else if (event.type === 'message_delta') {
      stopReason = event.delta.stop_reason ?? stopReason;
      if (event.usage) usage = mergeAnthropicUsage(usage, event.usage);
    } else if (event.type === 'message_stop') stopped = true;
  }
  // The SDK ends a stream quietly when the call is aborted; a partial answer must not pass as whole.
  request.signal.throwIfAborted();
  if (!stopped || stopReason === undefined) throw incompleteStream(provider);
  return { text: text.text, finishReason: mapAnthropicStopReason(stopReason), usage: mapAnthropicUsage(usage), ttftMs: text.ttftMs, warnings };
}
