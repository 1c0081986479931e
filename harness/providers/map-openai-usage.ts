import { z } from 'zod';
import type { Usage } from '../core/provider-contract.ts';
import { unknownUsage } from './unknown-usage.ts';

const count = z.number().int().nonnegative();

/** The `usage` block of a chat completion (lenient: only the fields baton reads). */
export const OpenAIUsageSchema = z.object({
  prompt_tokens: count,
  completion_tokens: count,
  prompt_tokens_details: z.object({ cached_tokens: count.optional() }).nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: count.optional() }).nullish(),
});
export type OpenAIUsage = z.infer<typeof OpenAIUsageSchema>;

/**
 * Chat Completions usage onto the contract. `prompt_tokens` already includes the cached tokens
 * and `completion_tokens` the reasoning tokens, as the contract wants. OpenAI bills no cache
 * writes apart, so `cacheWriteTokens` is `null`; detail blocks that are missing (common on
 * OpenAI-compatible servers) leave their counts `null`.
 */
export function mapOpenAIUsage(usage: OpenAIUsage | null | undefined): Usage {
  if (usage === null || usage === undefined) return unknownUsage;
  return {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? null,
    cacheWriteTokens: null,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? null,
  };
}
