import { z } from 'zod';

/** A point estimate with its 95 % interval. */
export const PolicyIntervalSchema = z.strictObject({
  estimate: z.number(),
  low: z.number(),
  high: z.number(),
});

export type PolicyInterval = z.infer<typeof PolicyIntervalSchema>;
