import { z } from 'zod';
import type { Usage } from '../core/provider-contract.ts';
import { unknownUsage } from './unknown-usage.ts';

const count = z.number().int().nonnegative().optional();

/** Gemini `usageMetadata` (lenient). */
export const GeminiUsageSchema = z.object({
  promptTokenCount: count,
  cachedContentTokenCount: count,
  candidatesTokenCount: count,
  thoughtsTokenCount: count,
});
export type GeminiUsage = z.infer<typeof GeminiUsageSchema>;

/**
 * Gemini usage onto the contract. `promptTokenCount` includes the cached tokens, but
 * `candidatesTokenCount` excludes the thoughts, which are billed as output: `outputTokens` is
 * their sum. The API speaks proto3 JSON, which leaves zero counts out, so inside a usage block
 * a missing count is 0; only a missing block is unknown. Gemini bills cache storage, not cache
 * writes, so `cacheWriteTokens` is `null`.
 */
export function mapGeminiUsage(usage: GeminiUsage | undefined): Usage {
  if (usage === undefined) return unknownUsage;
  const thoughts = usage.thoughtsTokenCount ?? 0;
  return {
    inputTokens: usage.promptTokenCount ?? 0,
    outputTokens: (usage.candidatesTokenCount ?? 0) + thoughts,
    cachedInputTokens: usage.cachedContentTokenCount ?? 0,
    cacheWriteTokens: null,
    reasoningTokens: thoughts,
  };
}
