import { z } from 'zod';
import { PolicyIntervalSchema } from './policy-interval-schema.ts';

/** Keyword rules mapping a raw prompt to a category, for routers that do not know categories. */
export const KeywordClassifierSchema = z.strictObject({
  type: z.literal('keywords'),
  /**
   * `words-v1`: lowercase the prompt, take the maximal runs of Unicode letters and digits
   * (`/[\p{L}\p{N}]+/gu`), count each distinct word once. A category's score is the sum of the
   * weights of its keywords present; the highest score wins (ties: first category in `rules`);
   * no keyword present: no category (the default route).
   */
  tokenizer: z.literal('words-v1'),
  rules: z.array(z.strictObject({ category: z.string().min(1), keywords: z.array(z.strictObject({ word: z.string().min(1), weight: z.number().positive() })) })),
  /** Held-out share of tasks classified into their own category (k-fold over tasks), with a Wilson interval. */
  accuracy: PolicyIntervalSchema,
  /** Held-out share of tasks given some category. */
  coverage: z.number().min(0).max(1),
  folds: z.number().int().min(2),
});

export type KeywordClassifier = z.infer<typeof KeywordClassifierSchema>;
