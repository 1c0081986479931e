import type { MatrixCell, MatrixColumn } from './policy-matrix.ts';

/** A column from one cell object per task (`undefined`: no cell). For tests and hand-made matrices; the store reader builds columns directly. */
export function createMatrixColumn(cells: readonly (MatrixCell | undefined)[]): MatrixColumn {
  const n = cells.length;
  const column = {
    attempts: new Int32Array(n),
    errors: new Float64Array(n),
    score: new Float64Array(n).fill(Number.NaN),
    cost: new Float64Array(n).fill(Number.NaN),
    checkPassRate: new Float64Array(n).fill(Number.NaN),
    scoreWhenChecked: new Float64Array(n).fill(Number.NaN),
    latencyStart: new Int32Array(n + 1),
  };
  const latencies: number[] = [];
  cells.forEach((cell, t) => {
    column.latencyStart[t] = latencies.length;
    if (cell === undefined) return;
    column.attempts[t] = cell.attempts;
    column.errors[t] = cell.errors;
    column.score[t] = cell.score ?? Number.NaN;
    column.cost[t] = cell.cost ?? Number.NaN;
    column.checkPassRate[t] = cell.checkPassRate ?? Number.NaN;
    column.scoreWhenChecked[t] = cell.scoreWhenChecked ?? Number.NaN;
    latencies.push(...cell.latencies);
  });
  column.latencyStart[n] = latencies.length;
  return { ...column, latencies: Float64Array.from(latencies) };
}
