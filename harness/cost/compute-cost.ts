import type { Price } from '../core/price-schema.ts';
import type { Usage } from '../core/provider-contract.ts';

/**
 * Cost of one call in USD from list prices per 1M tokens: cached input at its own rate
 * (the input rate when the price names none), reasoning tokens already inside output.
 * `null` when the model has no price or the usage is unknown: never a silent 0.
 */
export function computeCost(usage: Usage, price: Price | undefined): number | null {
  if (price === undefined || usage.inputTokens === null || usage.outputTokens === null) return null;
  const cached = usage.cachedInputTokens ?? 0;
  const uncached = Math.max(0, usage.inputTokens - cached);
  const cachedRate = price.cached_input ?? price.input;
  return (uncached * price.input + cached * cachedRate + usage.outputTokens * price.output) / 1_000_000;
}
