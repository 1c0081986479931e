import { z } from 'zod';

/** List price in USD per 1M tokens. */
export const PriceSchema = z.strictObject({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  /** Price of input tokens served from the provider's prompt cache; defaults to `input` when absent. */
  cached_input: z.number().nonnegative().optional(),
  /**
   * Price of input tokens written to the prompt cache, where the provider bills writes apart
   * (Anthropic: 1.25× input for 5-minute entries). Defaults to `input`, or to the provider's
   * published multiplier where baton knows one (see `harness/cost/apply-billing-defaults.ts`).
   */
  cache_write: z.number().nonnegative().optional(),
});
export type Price = z.infer<typeof PriceSchema>;
