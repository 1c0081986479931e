import type { ModelConfig } from '../core/models-schema.ts';
import type { Price } from '../core/price-schema.ts';
import { applyBillingDefaults } from './apply-billing-defaults.ts';
import type { PriceTable } from './price-table.ts';

/** The price a run uses for one model, and where it came from. */
export interface ResolvedPrice {
  /** `undefined` when neither the config nor the table prices the model: its costs are `null`. */
  readonly price: Price | undefined;
  readonly source: 'config' | 'table' | 'none';
  /** Effective date of the table entry, when the price came from the table. */
  readonly effective: string | undefined;
}

/**
 * The config's `price` when the model has one, else the latest table entry in force at `at` for
 * the model's provider kind and name; provider billing defaults are applied to either.
 */
export function resolvePrice(model: Pick<ModelConfig, 'provider' | 'model' | 'price'>, table: PriceTable, at: Date): ResolvedPrice {
  if (model.price !== undefined) return { price: applyBillingDefaults(model.provider, model.price), source: 'config', effective: undefined };
  const day = at.toISOString().slice(0, 10);
  let best: { price: Price; effective: string } | undefined;
  for (const entry of table.entries) {
    if (!entry.providers.includes(model.provider) || !entry.models.includes(model.model) || entry.effective > day) continue;
    if (best === undefined || entry.effective > best.effective) best = entry;
  }
  if (best === undefined) return { price: undefined, source: 'none', effective: undefined };
  return { price: applyBillingDefaults(model.provider, best.price), source: 'table', effective: best.effective };
}
