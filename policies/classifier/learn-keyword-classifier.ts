import type { KeywordClassifier } from '../../harness/core/policy-schema.ts';
import { wilsonInterval } from '../../harness/stats/wilson-interval.ts';
import { assignFolds } from '../evaluate/assign-folds.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { classifyWords, promptWords } from '../router/classify-prompt.ts';
import { indexWords } from './index-words.ts';
import { pickKeywords } from './pick-keywords.ts';

/** Options of the keyword classifier. */
export interface ClassifierOptions {
  /** Keywords kept per category. Default 20. */
  readonly keywordsPerCategory?: number;
  /** Folds of the held-out accuracy. Default 5. */
  readonly folds?: number;
  readonly seed: number;
}

/**
 * Learns portable keyword rules mapping a prompt to its category, for routers that only see the
 * prompt, and measures them honestly: the accuracy is held-out (k-fold over tasks, stratified by
 * category), while the rules shipped are learned on all tasks. `undefined` with fewer than two
 * categories, where there is nothing to classify.
 */
export function learnKeywordClassifier(matrix: PolicyMatrix, options: ClassifierOptions): KeywordClassifier | undefined {
  const categories = [...new Set(matrix.tasks.map((task) => task.category))].sort();
  if (categories.length < 2) return undefined;
  const perCategory = options.keywordsPerCategory ?? 20;
  const k = Math.max(2, Math.min(options.folds ?? 5, matrix.tasks.length));
  const words = matrix.tasks.map((task) => promptWords(task.prompt));
  const index = indexWords(words);
  const categoryIndex = new Map(categories.map((category, c) => [category, c]));
  const categoryOf = Int32Array.from(matrix.tasks, (task) => categoryIndex.get(task.category) ?? -1);
  const all = matrix.tasks.map((_, t) => t);
  const rulesOf = (tasks: readonly number[]) => ({ type: 'keywords' as const, tokenizer: 'words-v1' as const, rules: pickKeywords(index, categoryOf, tasks, categories, perCategory), accuracy: { estimate: 0, low: 0, high: 1 }, coverage: 0, folds: k });
  const folds = assignFolds(matrix, k, options.seed);
  let correct = 0;
  let covered = 0;
  for (let fold = 0; fold < k; fold += 1) {
    const model = rulesOf(all.filter((t) => folds[t] !== fold));
    for (const t of all) {
      if (folds[t] !== fold) continue;
      const guess = classifyWords(model, words[t] ?? new Set());
      if (guess !== undefined) covered += 1;
      if (guess === matrix.tasks[t]?.category) correct += 1;
    }
  }
  const n = matrix.tasks.length;
  return { ...rulesOf(all), accuracy: wilsonInterval(correct, n), coverage: covered / n };
}
