import type { MatrixCell, MatrixColumn, PolicyMatrix } from './policy-matrix.ts';

/** Cell `(t, m)` as an object, or `undefined` when model `m` never attempted task `t`. For tests and small callers: loops over many tasks read the columns. */
export function readCell(matrix: PolicyMatrix, t: number, m: number): MatrixCell | undefined {
  const column = matrix.columns[m];
  return column === undefined ? undefined : readColumnCell(column, t);
}

/** Cell `t` of one column as an object, or `undefined` when it holds no cell. */
export function readColumnCell(column: MatrixColumn, t: number): MatrixCell | undefined {
  if (!((column.attempts[t] ?? 0) > 0)) return undefined;
  return {
    attempts: column.attempts[t] ?? 0,
    errors: column.errors[t] ?? 0,
    score: orNull(column.score[t]),
    cost: orNull(column.cost[t]),
    latencies: Array.from(column.latencies.subarray(column.latencyStart[t] ?? 0, column.latencyStart[t + 1] ?? 0)),
    checkPassRate: orNull(column.checkPassRate[t]),
    scoreWhenChecked: orNull(column.scoreWhenChecked[t]),
  };
}

/** A column's number, with `NaN` (and a missing index) read back as `null`. */
export function orNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}
