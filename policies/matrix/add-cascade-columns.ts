import type { MatrixCell, MatrixModel, PolicyMatrix } from './policy-matrix.ts';

/**
 * Adds one column per cascade "call `first`; when its runtime check fails, call `escalateTo`",
 * for every pair where `first` has check data and costs less on average. A cascade cell is
 * computed offline from the two models' stored attempts: its score is the first model's when the
 * check passed and the second's otherwise; its cost and latency count both calls on escalation.
 * With repeats, the check's pass rate mixes the two (latency: the expected added time). The
 * learner then treats cascades like any model, so one is chosen only where it beats every
 * single model under the objective.
 */
export function addCascadeColumns(matrix: PolicyMatrix): PolicyMatrix {
  if (!matrix.hasChecks) return matrix;
  const base = matrix.models.filter((model) => model.cascade === undefined);
  const meanCost = base.map((_, m) => averageCost(matrix, m));
  const added: MatrixModel[] = [];
  const pairs: [number, number][] = [];
  base.forEach((first, a) => {
    if (!matrix.cells.some((row) => row[a]?.checkPassRate !== null && row[a] !== undefined)) return;
    base.forEach((second, b) => {
      const costA = meanCost[a];
      const costB = meanCost[b];
      if (a === b || costA === null || costA === undefined || costB === null || costB === undefined || costA >= costB) return;
      pairs.push([a, b]);
      added.push({ ...first, id: `${first.id}>${second.id}`, provider: 'cascade', model: `${first.model}>${second.model}`, price: null, attributes: {}, simulated: first.simulated || second.simulated, cascade: { first: first.id, escalateTo: second.id } });
    });
  });
  if (added.length === 0) return matrix;
  const cells = matrix.cells.map((row) => [...row, ...pairs.map(([a, b]) => cascadeCell(row[a], row[b]))]);
  return { ...matrix, models: [...base, ...added], cells };
}

function cascadeCell(first: MatrixCell | undefined, second: MatrixCell | undefined): MatrixCell | undefined {
  if (first === undefined || second === undefined || first.checkPassRate === null || first.scoreWhenChecked === null || second.score === null) return undefined;
  const pass = first.checkPassRate;
  const escalate = 1 - pass;
  const secondErrorRate = second.attempts === 0 ? 0 : second.errors / second.attempts;
  const secondLatency = second.latencies.length === 0 ? 0 : second.latencies.reduce((sum, value) => sum + value, 0) / second.latencies.length;
  return {
    attempts: first.attempts,
    errors: escalate * secondErrorRate * first.attempts,
    score: pass * first.scoreWhenChecked + escalate * second.score,
    cost: first.cost === null || second.cost === null ? null : first.cost + escalate * second.cost,
    latencies: first.latencies.map((latency) => latency + escalate * secondLatency),
    checkPassRate: null,
    scoreWhenChecked: null,
  };
}

function averageCost(matrix: PolicyMatrix, m: number): number | null {
  let sum = 0;
  let n = 0;
  for (const row of matrix.cells) {
    const cost = row[m]?.cost;
    // An attempt that failed before any token has no cost: only cells with one count.
    if (cost === null || cost === undefined) continue;
    sum += cost;
    n += 1;
  }
  return n === 0 ? null : sum / n;
}
