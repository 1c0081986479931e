import type { KeywordClassifier } from '../../harness/core/policy-schema.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/** A word must appear in at least this share of a category's prompts to be one of its keywords. */
const minShare = 0.05;

/**
 * For each category, the words most over-represented in its prompts: smoothed log odds of a
 * prompt holding the word inside the category against outside it, kept when positive and when
 * the word is common enough in the category to matter. Weights are the log odds, so summing
 * them is a naive-Bayes vote restricted to a few portable keywords.
 */
export function pickKeywords(matrix: PolicyMatrix, words: readonly Set<string>[], tasks: readonly number[], categories: readonly string[], perCategory: number): KeywordClassifier['rules'] {
  const index = new Map(categories.map((category, c) => [category, c]));
  const sizes = new Float64Array(categories.length);
  const frequency = new Map<string, Float64Array>();
  for (const t of tasks) {
    const c = index.get(matrix.tasks[t]?.category ?? '');
    if (c === undefined) continue;
    sizes[c] = (sizes[c] ?? 0) + 1;
    for (const word of words[t] ?? []) {
      let counts = frequency.get(word);
      if (counts === undefined) frequency.set(word, (counts = new Float64Array(categories.length)));
      counts[c] = (counts[c] ?? 0) + 1;
    }
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const picked: { word: string; weight: number }[][] = categories.map(() => []);
  for (const [word, counts] of frequency) {
    const everywhere = counts.reduce((sum, count) => sum + count, 0);
    counts.forEach((inside, c) => {
      const size = sizes[c] ?? 0;
      if (size === 0 || inside < 2 || inside < minShare * size) return;
      const weight = Math.log((inside + 0.5) / (size + 1)) - Math.log((everywhere - inside + 0.5) / (total - size + 1));
      if (weight > 0) picked[c]?.push({ word, weight });
    });
  }
  return categories.map((category, c) => ({
    category,
    keywords: (picked[c] ?? [])
      .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1))
      .slice(0, perCategory)
      .map(({ word, weight }) => ({ word, weight: Number(weight.toPrecision(6)) })),
  }));
}
