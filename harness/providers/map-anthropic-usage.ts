import { z } from 'zod';
import type { Usage } from '../core/provider-contract.ts';
import { unknownUsage } from './unknown-usage.ts';

const count = z.number().int().nonnegative().nullish();

/** A Messages API `usage` block, from a message or a `message_delta` event (lenient). */
export const AnthropicUsageSchema = z.object({
  input_tokens: count,
  output_tokens: count,
  cache_read_input_tokens: count,
  cache_creation_input_tokens: count,
  output_tokens_details: z.object({ thinking_tokens: count }).nullish(),
});
export type AnthropicUsage = z.infer<typeof AnthropicUsageSchema>;

/**
 * Folds a stream's usage blocks: `message_start` carries the input counts, each `message_delta`
 * cumulative counts; a field a later block leaves null or out keeps its earlier value.
 */
export function mergeAnthropicUsage(earlier: AnthropicUsage | undefined, later: AnthropicUsage): AnthropicUsage {
  if (earlier === undefined) return later;
  const pick = <K extends keyof AnthropicUsage>(key: K): AnthropicUsage[K] => later[key] ?? earlier[key];
  return {
    input_tokens: pick('input_tokens'),
    output_tokens: pick('output_tokens'),
    cache_read_input_tokens: pick('cache_read_input_tokens'),
    cache_creation_input_tokens: pick('cache_creation_input_tokens'),
    output_tokens_details: pick('output_tokens_details'),
  };
}

/**
 * Messages API usage onto the contract. Anthropic's `input_tokens` counts only the input after
 * the last cache breakpoint: cache reads and cache writes are reported (and billed) apart, so
 * `inputTokens` is their sum. `output_tokens` already includes thinking.
 */
export function mapAnthropicUsage(usage: AnthropicUsage | undefined): Usage {
  if (usage === undefined) return unknownUsage;
  const read = usage.cache_read_input_tokens ?? null;
  const written = usage.cache_creation_input_tokens ?? null;
  const uncached = usage.input_tokens ?? null;
  return {
    // A null cache count means the API reported no caching for this call, so it adds nothing.
    inputTokens: uncached === null ? null : uncached + (read ?? 0) + (written ?? 0),
    outputTokens: usage.output_tokens ?? null,
    cachedInputTokens: read,
    cacheWriteTokens: written,
    reasoningTokens: usage.output_tokens_details?.thinking_tokens ?? null,
  };
}
