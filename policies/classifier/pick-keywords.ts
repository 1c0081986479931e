import type { KeywordClassifier } from '../../harness/core/policy-schema.ts';
import type { WordIndex } from './index-words.ts';

/** A word must appear in at least this share of a category's prompts to be one of its keywords. */
const minShare = 0.05;

/**
 * For each category, the words most over-represented in its prompts: smoothed log odds of a
 * prompt holding the word inside the category against outside it, kept when positive and when
 * the word is common enough in the category to matter. Weights are the log odds, so summing
 * them is a naive-Bayes vote restricted to a few portable keywords. `categoryOf[t]` is the index
 * of task `t`'s category in `categories`; counts are whole numbers, so their order does not matter.
 */
export function pickKeywords(words: WordIndex, categoryOf: Int32Array, tasks: readonly number[], categories: readonly string[], perCategory: number): KeywordClassifier['rules'] {
  const width = categories.length;
  const sizes = new Float64Array(width);
  const counts = new Int32Array(words.vocabulary.length * width);
  const seen = new Uint8Array(words.vocabulary.length);
  for (const t of tasks) {
    const c = categoryOf[t] ?? -1;
    if (c < 0) continue;
    sizes[c] = (sizes[c] ?? 0) + 1;
    const to = words.start[t + 1] ?? 0;
    for (let i = words.start[t] ?? 0; i < to; i += 1) {
      const id = words.ids[i] ?? 0;
      seen[id] = 1;
      counts[id * width + c] = (counts[id * width + c] ?? 0) + 1;
    }
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const picked: { word: string; weight: number }[][] = categories.map(() => []);
  words.vocabulary.forEach((word, id) => {
    if (seen[id] === 0) return;
    let everywhere = 0;
    for (let c = 0; c < width; c += 1) everywhere += counts[id * width + c] ?? 0;
    for (let c = 0; c < width; c += 1) {
      const inside = counts[id * width + c] ?? 0;
      const size = sizes[c] ?? 0;
      if (size === 0 || inside < 2 || inside < minShare * size) continue;
      const weight = Math.log((inside + 0.5) / (size + 1)) - Math.log((everywhere - inside + 0.5) / (total - size + 1));
      if (weight > 0) picked[c]?.push({ word, weight });
    }
  });
  return categories.map((category, c) => ({
    category,
    keywords: (picked[c] ?? [])
      .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1))
      .slice(0, perCategory)
      .map(({ word, weight }) => ({ word, weight: Number(weight.toPrecision(6)) })),
  }));
}
