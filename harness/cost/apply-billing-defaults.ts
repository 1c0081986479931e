import type { ProviderKind } from '../core/models-schema.ts';
import type { Price } from '../core/price-schema.ts';

/**
 * Fills the cache rates a price leaves out where the provider publishes them as fixed multiples
 * of the input price. Anthropic bills cache reads at 0.1× and 5-minute cache writes at 1.25× the
 * input price; other providers' cache discounts vary by model, so their gaps stay (and bill as
 * plain input, the upper bound).
 */
export function applyBillingDefaults(kind: ProviderKind, price: Price): Price {
  if (kind !== 'anthropic') return price;
  // Dividing keeps decimal prices exact where multiplying by 0.1 would not (3 × 0.1 = 0.30000000000000004).
  return { ...price, cached_input: price.cached_input ?? price.input / 10, cache_write: price.cache_write ?? (price.input * 5) / 4 };
}
