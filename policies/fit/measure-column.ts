import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { selectQuantile } from './select-quantile.ts';

/** How one column (a model or a cascade) did on a set of tasks. */
export interface Measure {
  readonly column: number;
  /** Tasks with a score. */
  readonly n: number;
  /** Mean of the per-task scores; NaN when `n` is 0. */
  readonly quality: number;
  /** Mean cost per task in USD over the tasks with a known cost; `null` when none has one. */
  readonly cost: number | null;
  /** 95th percentile of the answered attempts' latency, ms; `null` without latencies. */
  readonly p95: number | null;
  /** Errors and timeouts over attempts. */
  readonly errorRate: number;
}

/** Measures `column` on `tasks` (indices into the matrix), summing in task order. */
export function measureColumn(matrix: PolicyMatrix, tasks: readonly number[], column: number): Measure {
  const cells = matrix.columns[column];
  let n = 0;
  let scoreSum = 0;
  let costSum = 0;
  let costN = 0;
  let attempts = 0;
  let errors = 0;
  let latencyCount = 0;
  let p95: number | null = null;
  if (cells !== undefined) {
    const { attempts: cellAttempts, errors: cellErrors, score: cellScore, cost: cellCost, latencyStart, latencies } = cells;
    for (const t of tasks) {
      const tried = cellAttempts[t] as number;
      if (tried === 0) continue;
      attempts += tried;
      errors += cellErrors[t] as number;
      const score = cellScore[t] as number;
      if (!Number.isNaN(score)) {
        n += 1;
        scoreSum += score;
      }
      const cost = cellCost[t] as number;
      if (!Number.isNaN(cost)) {
        costSum += cost;
        costN += 1;
      }
      latencyCount += (latencyStart[t + 1] as number) - (latencyStart[t] as number);
    }
    if (latencyCount > 0) {
      const gathered = new Float64Array(latencyCount);
      let used = 0;
      for (const t of tasks) {
        if (cellAttempts[t] === 0) continue;
        const to = latencyStart[t + 1] as number;
        for (let i = latencyStart[t] as number; i < to; i += 1) gathered[used++] = latencies[i] as number;
      }
      p95 = selectQuantile(gathered, 0.95);
    }
  }
  return {
    column,
    n,
    quality: n === 0 ? Number.NaN : scoreSum / n,
    cost: costN === 0 ? null : costSum / costN,
    p95,
    errorRate: attempts === 0 ? 0 : errors / attempts,
  };
}

