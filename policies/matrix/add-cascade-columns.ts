import type { MatrixColumn, MatrixModel, PolicyMatrix } from './policy-matrix.ts';

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
  const meanCost = base.map((_, m) => averageCost(matrix.columns[m]));
  const added: MatrixModel[] = [];
  const pairs: [number, number][] = [];
  base.forEach((first, a) => {
    if (!hasCheckData(matrix.columns[a])) return;
    base.forEach((second, b) => {
      const costA = meanCost[a];
      const costB = meanCost[b];
      if (a === b || costA === null || costA === undefined || costB === null || costB === undefined || costA >= costB) return;
      pairs.push([a, b]);
      added.push({ ...first, id: `${first.id}>${second.id}`, provider: 'cascade', model: `${first.model}>${second.model}`, price: null, attributes: {}, simulated: first.simulated || second.simulated, cascade: { first: first.id, escalateTo: second.id } });
    });
  });
  if (added.length === 0) return matrix;
  const nothing = new Float64Array(matrix.tasks.length).fill(Number.NaN);
  const cascades = pairs.map(([a, b]) => cascadeColumn(matrix.columns[a] as MatrixColumn, matrix.columns[b] as MatrixColumn, nothing));
  return { ...matrix, models: [...base, ...added], columns: [...matrix.columns.slice(0, base.length), ...cascades] };
}

/** The cascade's cells; a task gets one only where both models have one, `first` has check data and `second` a score. */
function cascadeColumn(first: MatrixColumn, second: MatrixColumn, nothing: Float64Array): MatrixColumn {
  const n = first.attempts.length;
  const attempts = new Int32Array(n);
  const errors = new Float64Array(n);
  const score = new Float64Array(n).fill(Number.NaN);
  const cost = new Float64Array(n).fill(Number.NaN);
  const latencyStart = new Int32Array(n + 1);
  const latencies = new Float64Array(first.latencies.length);
  let used = 0;
  for (let t = 0; t < n; t += 1) {
    latencyStart[t] = used;
    const pass = first.checkPassRate[t] ?? Number.NaN;
    const whenChecked = first.scoreWhenChecked[t] ?? Number.NaN;
    const secondScore = second.score[t] ?? Number.NaN;
    const firstAttempts = first.attempts[t] ?? 0;
    const secondAttempts = second.attempts[t] ?? 0;
    if (firstAttempts === 0 || secondAttempts === 0 || Number.isNaN(pass) || Number.isNaN(whenChecked) || Number.isNaN(secondScore)) continue;
    const escalate = 1 - pass;
    const secondErrorRate = (second.errors[t] ?? 0) / secondAttempts;
    const secondLatency = meanLatency(second, t);
    attempts[t] = firstAttempts;
    errors[t] = escalate * secondErrorRate * firstAttempts;
    score[t] = pass * whenChecked + escalate * secondScore;
    const firstCost = first.cost[t] ?? Number.NaN;
    const secondCost = second.cost[t] ?? Number.NaN;
    cost[t] = Number.isNaN(firstCost) || Number.isNaN(secondCost) ? Number.NaN : firstCost + escalate * secondCost;
    for (let i = first.latencyStart[t] ?? 0; i < (first.latencyStart[t + 1] ?? 0); i += 1) latencies[used++] = (first.latencies[i] ?? 0) + escalate * secondLatency;
  }
  latencyStart[n] = used;
  return { attempts, errors, score, cost, checkPassRate: nothing, scoreWhenChecked: nothing, latencyStart, latencies: latencies.subarray(0, used) };
}

/** Mean latency of a cell, 0 without latencies. */
function meanLatency(column: MatrixColumn, t: number): number {
  const from = column.latencyStart[t] ?? 0;
  const to = column.latencyStart[t + 1] ?? 0;
  if (to === from) return 0;
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += column.latencies[i] ?? 0;
  return sum / (to - from);
}

/** Whether some cell of the column has check data. */
function hasCheckData(column: MatrixColumn | undefined): boolean {
  if (column === undefined) return false;
  for (let t = 0; t < column.attempts.length; t += 1) if ((column.attempts[t] ?? 0) > 0 && !Number.isNaN(column.checkPassRate[t] ?? Number.NaN)) return true;
  return false;
}

function averageCost(column: MatrixColumn | undefined): number | null {
  let sum = 0;
  let n = 0;
  // An attempt that failed before any token has no cost: only cells with one count.
  for (const cost of column?.cost ?? []) {
    if (Number.isNaN(cost)) continue;
    sum += cost;
    n += 1;
  }
  return n === 0 ? null : sum / n;
}
