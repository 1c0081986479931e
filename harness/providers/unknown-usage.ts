import type { Usage } from '../core/provider-contract.ts';

/** Usage when the API reported none (some OpenAI-compatible servers never do): unknown, never 0. */
export const unknownUsage: Usage = { inputTokens: null, outputTokens: null, cachedInputTokens: null, cacheWriteTokens: null, reasoningTokens: null };
