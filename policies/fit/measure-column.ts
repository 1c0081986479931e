import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

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

/** Measures `column` on `tasks` (indices into the matrix). */
export function measureColumn(matrix: PolicyMatrix, tasks: readonly number[], column: number): Measure {
  let n = 0;
  let scoreSum = 0;
  let costSum = 0;
  let costN = 0;
  let attempts = 0;
  let errors = 0;
  const latencies: number[] = [];
  for (const t of tasks) {
    const cell = matrix.cells[t]?.[column];
    if (cell === undefined) continue;
    attempts += cell.attempts;
    errors += cell.errors;
    if (cell.score !== null) {
      n += 1;
      scoreSum += cell.score;
    }
    if (cell.cost !== null) {
      costSum += cell.cost;
      costN += 1;
    }
    for (const latency of cell.latencies) latencies.push(latency);
  }
  return {
    column,
    n,
    quality: n === 0 ? Number.NaN : scoreSum / n,
    cost: costN === 0 ? null : costSum / costN,
    p95: quantile(latencies, 0.95),
    errorRate: attempts === 0 ? 0 : errors / attempts,
  };
}

/** Linear-interpolation quantile (DuckDB's `quantile_cont`); sorts `values` in place. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const position = (values.length - 1) * q;
  const below = Math.floor(position);
  const low = values[below] ?? 0;
  const high = values[Math.min(values.length - 1, below + 1)] ?? low;
  return low + (high - low) * (position - below);
}
