import type { MatrixColumn } from '../matrix/policy-matrix.ts';

/** Mean quality and cost per task of a router's outcomes. */
export interface OutcomeMean {
  readonly quality: number;
  /** `null` when no outcome had a known cost. */
  readonly cost_per_task_usd: number | null;
}

/** A running sum of per-task outcomes: `NaN` is unknown and skipped (a task without score or cost). */
export interface OutcomeSum {
  add(score: number, cost: number): void;
  /** Adds task `t`'s outcome on `column` (unknown when the column has no cell there). */
  addCell(column: MatrixColumn | undefined, t: number): void;
  mean(): OutcomeMean;
}

/** Starts an empty sum. Outcomes are summed in the order added, so the same order gives the same figures. */
export function createOutcomeSum(): OutcomeSum {
  let scoreSum = 0;
  let scored = 0;
  let costSum = 0;
  let priced = 0;
  const add = (score: number, cost: number) => {
    if (!Number.isNaN(score)) {
      scoreSum += score;
      scored += 1;
    }
    if (!Number.isNaN(cost)) {
      costSum += cost;
      priced += 1;
    }
  };
  return {
    add,
    addCell: (column, t) => add(column?.score[t] ?? Number.NaN, column?.cost[t] ?? Number.NaN),
    mean: () => ({ quality: scored === 0 ? 0 : scoreSum / scored, cost_per_task_usd: priced === 0 ? null : costSum / priced }),
  };
}
