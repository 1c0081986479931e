import { z } from 'zod';

/**
 * A linear score of a raw prompt: the expected quality of `predicts.strong` minus that of
 * `predicts.weak` on it, learned from the suite prompts (ridge regression). Routes with a
 * `prompt_score` band act on it, so a router sends to the strong model only the prompts where it
 * is likely to pay off. Portable: a few lines in any language compute it.
 *
 * score = intercept
 *       + categories[category]                      (0 when the category is unknown or absent)
 *       + chars[clamp(floor(log2(L + 1)), 6, 11) − 6]  (L: prompt length in Unicode code points)
 *       + numerals[min(4, floor(log2(N + 1)))]       (N: matches of /[0-9]+(\.[0-9]+)?/g)
 *       + (Σ words[w] over the prompt's distinct words) / sqrt(count of its distinct words)
 *
 * Words follow the `words-v1` tokenizer: lowercase, maximal runs of Unicode letters and digits
 * (`/[\p{L}\p{N}]+/gu`), each distinct word once; words not listed weigh 0 but still count in the
 * square root.
 */
export const PromptScorerSchema = z.strictObject({
  type: z.literal('linear-v1'),
  tokenizer: z.literal('words-v1'),
  /** The two models whose quality difference the score estimates. */
  predicts: z.strictObject({ strong: z.string().min(1), weak: z.string().min(1) }),
  intercept: z.number(),
  categories: z.record(z.string(), z.number()),
  chars: z.array(z.number()).length(6),
  numerals: z.array(z.number()).length(5),
  words: z.record(z.string(), z.number()),
  /** Ridge penalty of the fit, and the tasks it was fitted on. */
  l2: z.number().nonnegative(),
  n: z.number().int().nonnegative(),
});

export type PromptScorer = z.infer<typeof PromptScorerSchema>;
