import type { Price } from '../core/price-schema.ts';
import type { Usage } from '../core/provider-contract.ts';

/**
 * Cost of one call in USD from list prices per 1M tokens, the way providers bill: input served
 * from the prompt cache at `cached_input`, input written to the cache at `cache_write` (each at
 * the input rate when the price names none), the rest of the input at `input`, and every output
 * token, hidden reasoning included, at `output`. Usage must be normalised as the contract says
 * (cached and cache-write tokens inside `inputTokens`, reasoning inside `outputTokens`).
 * `null` when the model has no price or the usage is unknown: never a silent 0.
 */
export function computeCost(usage: Usage, price: Price | undefined): number | null {
  if (price === undefined || usage.inputTokens === null || usage.outputTokens === null) return null;
  // Unknown cache counts bill as plain input: the upper bound, never a guess of savings.
  const cached = usage.cachedInputTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  const uncached = Math.max(0, usage.inputTokens - cached - written);
  const inputCost = uncached * price.input + cached * (price.cached_input ?? price.input) + written * (price.cache_write ?? price.input);
  return (inputCost + usage.outputTokens * price.output) / 1_000_000;
}
