import type { LoadedConfig } from '../config/load-config.ts';
import type { ModelConfig } from '../core/models-schema.ts';
import type { PriceTable } from '../cost/price-table.ts';
import { resolvePrice } from '../cost/resolve-price.ts';

/** The config a run prices with, and what it could not price. */
export interface PricedConfig {
  /** Same file and hash (the user's config); every model's `price` resolved. */
  readonly config: LoadedConfig;
  /** One per model without any price: its costs are stored as `null`. */
  readonly warnings: readonly string[];
}

/**
 * Resolves each model's price once per run (its config price, else the table's entry in force at
 * `at`), so costs, the run's price snapshot and `run_models` all use the same numbers.
 */
export function priceModels(loaded: LoadedConfig, table: PriceTable, at: Date): PricedConfig {
  const warnings: string[] = [];
  const models = loaded.config.models.map((model): ModelConfig => {
    const { price } = resolvePrice(model, table, at);
    if (price !== undefined) return { ...model, price };
    warnings.push(`model \`${model.id}\` has no price (none in the config, and \`${model.provider}\` model \`${model.model}\` is not in price table ${table.version}): its costs are stored as null; add \`price\` to the model`);
    return model;
  });
  return { config: { ...loaded, config: { ...loaded.config, models } }, warnings };
}
