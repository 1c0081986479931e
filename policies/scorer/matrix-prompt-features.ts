import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { promptFeatures, type PromptFeatures } from '../router/score-prompt.ts';

const cache = new WeakMap<PolicyMatrix, readonly PromptFeatures[]>();

/** The scorer features of every task's prompt, computed once per matrix (the folds fit many scorers on it). */
export function matrixPromptFeatures(matrix: PolicyMatrix): readonly PromptFeatures[] {
  let features = cache.get(matrix);
  if (features === undefined) cache.set(matrix, (features = matrix.tasks.map((task) => promptFeatures(task.prompt))));
  return features;
}
