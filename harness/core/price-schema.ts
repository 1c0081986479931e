import { z } from 'zod';

/** List price in USD per 1M tokens. */
export const PriceSchema = z.strictObject({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  /** Price of input tokens served from the provider's prompt cache; defaults to `input` when absent. */
  cached_input: z.number().nonnegative().optional(),
});
export type Price = z.infer<typeof PriceSchema>;
