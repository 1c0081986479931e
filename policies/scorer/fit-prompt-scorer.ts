import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';
import { compareText } from '../compare-text.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import type { PromptFeatures } from '../router/score-prompt.ts';
import { fitRidge, type SparseRow } from './fit-ridge.ts';
import type { ScorePair } from './pick-score-pair.ts';

/** Design value of the category indicator: a larger value is a weaker penalty on its weight (l2 / value²). */
const categoryValue = 3;
/** Fewest training prompts a word must appear in to get a weight. */
const minWordTasks = 2;
/** Weights are rounded as the policy file rounds every number, so a router computes the very score the learner used. */
const digits = 6;

/**
 * Fits a `linear-v1` prompt scorer on `tasks`: ridge regression of the strong model's score minus
 * the weak one's on the prompt's category, length and numeral bins and words (see
 * `PromptScorerSchema`). Tasks either model did not score are left out of the fit.
 */
export function fitPromptScorer(matrix: PolicyMatrix, features: readonly PromptFeatures[], tasks: readonly number[], pair: ScorePair, l2: number): PromptScorer {
  const strong = matrix.columns[pair.strong];
  const weak = matrix.columns[pair.weak];
  const fitted = tasks.filter((t) => !Number.isNaN(strong?.score[t] ?? Number.NaN) && !Number.isNaN(weak?.score[t] ?? Number.NaN));
  const wordTasks = new Map<string, number>();
  for (const t of fitted) for (const word of features[t]?.words ?? []) wordTasks.set(word, (wordTasks.get(word) ?? 0) + 1);
  const categories = [...new Set(fitted.map((t) => matrix.tasks[t]?.category ?? ''))].sort(compareText);
  const words = [...wordTasks].filter(([, count]) => count >= minWordTasks).map(([word]) => word).sort(compareText);
  const categoryIndex = new Map(categories.map((category, i) => [category, i]));
  const charsBase = categories.length;
  const numeralsBase = charsBase + 6;
  const wordsBase = numeralsBase + 5;
  const wordIndex = new Map(words.map((word, i) => [word, wordsBase + i]));
  const rows: SparseRow[] = fitted.map((t) => {
    const f = features[t] as PromptFeatures;
    const index = [categoryIndex.get(matrix.tasks[t]?.category ?? '') ?? 0, charsBase + f.charsBin, numeralsBase + f.numeralsBin];
    const value = [categoryValue, 1, 1];
    const scale = f.words.length === 0 ? 0 : 1 / Math.sqrt(f.words.length);
    for (const word of f.words) {
      const j = wordIndex.get(word);
      if (j === undefined) continue;
      index.push(j);
      value.push(scale);
    }
    return { index: Int32Array.from(index), value: Float64Array.from(value) };
  });
  const y = Float64Array.from(fitted, (t) => (strong?.score[t] ?? 0) - (weak?.score[t] ?? 0));
  const fit = fitRidge(rows, y, wordsBase + words.length, l2);
  const weight = (j: number, value = 1) => roundWeight((fit.weights[j] ?? 0) * value);
  const wordWeights: Record<string, number> = {};
  words.forEach((word, i) => {
    const value = weight(wordsBase + i);
    if (value !== 0) wordWeights[word] = value;
  });
  return {
    type: 'linear-v1',
    tokenizer: 'words-v1',
    predicts: { strong: matrix.models[pair.strong]?.id ?? '', weak: matrix.models[pair.weak]?.id ?? '' },
    intercept: roundWeight(fit.intercept),
    categories: Object.fromEntries(categories.map((category, i) => [category, weight(i, categoryValue)])),
    chars: Array.from({ length: 6 }, (_, b) => weight(charsBase + b)),
    numerals: Array.from({ length: 5 }, (_, b) => weight(numeralsBase + b)),
    words: wordWeights,
    l2,
    n: fitted.length,
  };
}

/** To 6 significant digits (as canonical JSON writes numbers); weights below 1e-6 in size are dropped. */
export function roundWeight(value: number): number {
  if (Math.abs(value) < 1e-6) return 0;
  return Number(value.toPrecision(digits));
}
