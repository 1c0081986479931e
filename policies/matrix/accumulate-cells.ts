import type { MatrixColumn } from './policy-matrix.ts';

/** One attempt as the matrix reader streams it, already placed at task `t` and model `m`. */
export interface AttemptRow {
  readonly t: number;
  readonly m: number;
  /** 0 ok, 1 error or timeout, 2 anything else (skipped attempts are never read). */
  readonly status: number;
  readonly score: number | null;
  readonly cost: number | null;
  readonly latency: number | null;
  readonly checkPassed: boolean | null;
}

/** Folds attempt rows, sorted by (task, model, run, repeat), into one column per model. */
export interface CellAccumulator {
  add(row: AttemptRow): void;
  /** The columns, and whether any attempt had a runtime check. Call once, after the last row. */
  finish(): { columns: MatrixColumn[]; hasChecks: boolean };
}

/**
 * Pools each (task, model) cell's attempts as the rows stream by: counts and sums in row order,
 * so a mean is the same number a sum over the cell's ordered list would give, and latencies
 * appended per model in task order (a column's latency index is a prefix sum of its counts).
 * Memory is the columns themselves, never a row object per attempt.
 */
export function createCellAccumulator(taskCount: number, modelCount: number): CellAccumulator {
  const columns = Array.from({ length: modelCount }, () => ({
    attempts: new Int32Array(taskCount),
    errors: new Float64Array(taskCount),
    score: new Float64Array(taskCount).fill(Number.NaN),
    cost: new Float64Array(taskCount).fill(Number.NaN),
    checkPassRate: new Float64Array(taskCount).fill(Number.NaN),
    scoreWhenChecked: new Float64Array(taskCount).fill(Number.NaN),
    latencyCount: new Int32Array(taskCount),
    latencies: [] as number[],
  }));
  let t = -1;
  let m = -1;
  let attempts = 0;
  let errors = 0;
  let scoreSum = 0;
  let scored = 0;
  let costSum = 0;
  let priced = 0;
  let checked = 0;
  let passes = 0;
  let checkedSum = 0;
  let checkedScored = 0;
  let hasChecks = false;
  const flush = () => {
    const column = columns[m];
    if (column === undefined || attempts === 0) return;
    column.attempts[t] = attempts;
    column.errors[t] = errors;
    column.score[t] = scored === 0 ? Number.NaN : scoreSum / scored;
    column.cost[t] = priced === 0 ? Number.NaN : costSum / priced;
    if (checked > 0) {
      hasChecks = true;
      column.checkPassRate[t] = passes / attempts;
      column.scoreWhenChecked[t] = checkedScored === 0 ? 0 : checkedSum / checkedScored;
    }
  };
  return {
    add(row) {
      if (row.t !== t || row.m !== m) {
        flush();
        t = row.t;
        m = row.m;
        attempts = errors = scoreSum = scored = costSum = priced = checked = passes = checkedSum = checkedScored = 0;
      }
      attempts += 1;
      if (row.status === 1) errors += 1;
      const ok = row.status === 0;
      if (ok && row.score !== null) {
        scoreSum += row.score;
        scored += 1;
      }
      if (row.cost !== null) {
        costSum += row.cost;
        priced += 1;
      }
      const column = columns[m];
      if (ok && row.latency !== null && column !== undefined) {
        column.latencies.push(row.latency);
        column.latencyCount[t] = (column.latencyCount[t] ?? 0) + 1;
      }
      if (row.checkPassed !== null) checked += 1;
      if (row.checkPassed === true) passes += 1;
      if (row.checkPassed === true && ok) {
        checkedSum += row.score ?? 0;
        checkedScored += 1;
      }
    },
    finish() {
      flush();
      const built = columns.map(({ latencyCount, latencies, ...column }) => {
        const latencyStart = new Int32Array(taskCount + 1);
        for (let i = 0; i < taskCount; i += 1) latencyStart[i + 1] = (latencyStart[i] ?? 0) + (latencyCount[i] ?? 0);
        return { ...column, latencyStart, latencies: Float64Array.from(latencies) };
      });
      return { columns: built, hasChecks };
    },
  };
}
