import type { ProviderKind } from '../core/models-schema.ts';
import type { Price } from '../core/price-schema.ts';

/** One list price, in force from `effective` until a later entry for the same model. */
export interface PriceEntry {
  /** Provider kinds the entry applies to (a model name means something only at its provider). */
  readonly providers: readonly ProviderKind[];
  /** Model names as sent to the API: aliases and dated snapshots. */
  readonly models: readonly string[];
  /** First day the price applies, `YYYY-MM-DD` (UTC). */
  readonly effective: string;
  readonly price: Price;
  /** Where the price was published. */
  readonly source: string;
}

/** A versioned set of list prices; the version is recorded with every run that used it. */
export interface PriceTable {
  readonly version: string;
  readonly entries: readonly PriceEntry[];
}
