import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';

/** What a prompt scorer reads from a prompt (see `PromptScorerSchema` for the formula). */
export interface PromptFeatures {
  /** Distinct `words-v1` words. */
  readonly words: readonly string[];
  /** Index into `chars`. */
  readonly charsBin: number;
  /** Index into `numerals`. */
  readonly numeralsBin: number;
}

/** The features of `prompt` a `linear-v1` scorer weighs. */
export function promptFeatures(prompt: string): PromptFeatures {
  const words = [...new Set(prompt.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
  const chars = [...prompt].length;
  const numerals = prompt.match(/[0-9]+(\.[0-9]+)?/g)?.length ?? 0;
  return {
    words,
    charsBin: Math.min(11, Math.max(6, Math.floor(Math.log2(chars + 1)))) - 6,
    numeralsBin: Math.min(4, Math.floor(Math.log2(numerals + 1))),
  };
}

/** The scorer's estimate of the strong model's gain over the weak one on `prompt`. */
export function scorePrompt(scorer: PromptScorer, prompt: string, category: string | undefined): number {
  return scoreFeatures(scorer, promptFeatures(prompt), category);
}

/** As `scorePrompt`, on features already extracted. */
export function scoreFeatures(scorer: PromptScorer, features: PromptFeatures, category: string | undefined): number {
  let words = 0;
  for (const word of features.words) words += Object.hasOwn(scorer.words, word) ? (scorer.words[word] ?? 0) : 0;
  const categoryWeight = category !== undefined && Object.hasOwn(scorer.categories, category) ? (scorer.categories[category] ?? 0) : 0;
  return scorer.intercept + categoryWeight + (scorer.chars[features.charsBin] ?? 0) + (scorer.numerals[features.numeralsBin] ?? 0) + (features.words.length === 0 ? 0 : words / Math.sqrt(features.words.length));
}
