import type { PolicyInterval } from '../../harness/core/policy-schema.ts';
import { bootstrapMeanInterval } from '../../harness/stats/bootstrap-interval.ts';
import { wilsonInterval } from '../../harness/stats/wilson-interval.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/**
 * The 95 % interval of a column's mean score on `tasks`: Wilson when every per-task score is 0 or
 * 1 (pass/fail, one repeat), else a seeded bootstrap over tasks.
 */
export function qualityInterval(matrix: PolicyMatrix, tasks: readonly number[], column: number, seed: number): PolicyInterval {
  const scores: number[] = [];
  const known = matrix.columns[column]?.score;
  for (const t of tasks) {
    const score = known?.[t] ?? Number.NaN;
    if (!Number.isNaN(score)) scores.push(score);
  }
  if (scores.length === 0) return { estimate: 0, low: 0, high: 1 };
  if (scores.every((score) => score === 0 || score === 1)) {
    return wilsonInterval(scores.filter((score) => score === 1).length, scores.length);
  }
  return bootstrapMeanInterval(scores, { seed });
}
