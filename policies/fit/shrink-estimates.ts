import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/** Each task's mean score over the columns that scored it, and each column's deviation from it (NaN where missing). */
export interface Deviations {
  readonly rowMean: Float64Array;
  readonly byColumn: readonly Float64Array[];
}

/** Deviations from the task's mean: the task's difficulty cancels out, what remains is how the models differ. */
export function computeDeviations(matrix: PolicyMatrix): Deviations {
  const taskCount = matrix.tasks.length;
  const rowMean = new Float64Array(taskCount);
  const byColumn = matrix.models.map(() => new Float64Array(taskCount).fill(Number.NaN));
  const scores = matrix.models.map((_, m) => matrix.columns[m]?.score ?? new Float64Array(taskCount).fill(Number.NaN));
  for (let t = 0; t < taskCount; t += 1) {
    let sum = 0;
    let n = 0;
    for (const column of scores) {
      const score = column[t] as number;
      if (Number.isNaN(score)) continue;
      sum += score;
      n += 1;
    }
    const mean = n === 0 ? Number.NaN : sum / n;
    rowMean[t] = mean;
    scores.forEach((column, m) => {
      const score = column[t] as number;
      if (!Number.isNaN(score)) (byColumn[m] as Float64Array)[t] = score - mean;
    });
  }
  return { rowMean, byColumn };
}

/** Partially pooled estimates for groups of tasks at one level (e.g. the categories). */
export interface Shrunk {
  /** Per group, per column: the estimated quality (the group's mean difficulty plus the pooled deviation). */
  readonly quality: readonly Float64Array[];
  /** Per group, per column: the pooled deviation, the parent of the next level down. */
  readonly deviation: readonly Float64Array[];
  /** Per column: the pseudo-count k used (Infinity = fully pooled). */
  readonly k: Float64Array;
}

/**
 * Empirical-Bayes partial pooling: a group's deviation is pulled toward its parent's with weight
 * k / (n + k). With `'auto'`, k is σ²/τ² per column (within-group variance over the variance of
 * the true group deviations, by the method of moments): small groups lean on the parent, large
 * ones on their own data, and a model's difference from the others is shrunk, never the shared
 * difficulty of a category. This is what makes a per-category ordering honest on held-out data.
 */
export function shrinkGroups(deviations: Deviations, groups: readonly (readonly number[])[], parents: readonly Float64Array[], k: number | 'auto'): Shrunk {
  const columns = deviations.byColumn.length;
  const raw = groups.map(() => new Float64Array(columns));
  const counts = groups.map(() => new Float64Array(columns));
  const difficulty = groups.map((tasks) => meanAt(deviations.rowMean, tasks));
  const within = new Float64Array(columns);
  const withinDf = new Float64Array(columns);
  groups.forEach((tasks, g) => {
    for (let m = 0; m < columns; m += 1) {
      const values = deviations.byColumn[m];
      if (values === undefined) continue;
      // Two passes in task order, as over the list of the column's known deviations.
      let sum = 0;
      let n = 0;
      for (const t of tasks) {
        const value = values[t] as number;
        if (Number.isNaN(value)) continue;
        sum += value;
        n += 1;
      }
      const mean = n === 0 ? Number.NaN : sum / n;
      (raw[g] as Float64Array)[m] = mean;
      (counts[g] as Float64Array)[m] = n;
      let squares = within[m] ?? 0;
      for (const t of tasks) {
        const value = values[t] as number;
        if (!Number.isNaN(value)) squares += (value - mean) ** 2;
      }
      within[m] = squares;
      withinDf[m] = (withinDf[m] ?? 0) + Math.max(0, n - 1);
    }
  });
  const pseudo = new Float64Array(columns);
  for (let m = 0; m < columns; m += 1) {
    if (k !== 'auto') {
      pseudo[m] = k;
      continue;
    }
    const sigma2 = (withinDf[m] ?? 0) > 0 ? (within[m] ?? 0) / (withinDf[m] ?? 1) : 0;
    let excess = 0;
    let used = 0;
    groups.forEach((_, g) => {
      const n = counts[g]?.[m] ?? 0;
      if (n === 0) return;
      excess += ((raw[g]?.[m] ?? 0) - (parents[g]?.[m] ?? 0)) ** 2 - sigma2 / n;
      used += 1;
    });
    const tau2 = used === 0 ? 0 : excess / used;
    pseudo[m] = sigma2 === 0 ? 0 : tau2 > 0 ? sigma2 / tau2 : Number.POSITIVE_INFINITY;
  }
  const deviation = groups.map((_, g) =>
    Float64Array.from({ length: columns }, (__, m) => {
      const n = counts[g]?.[m] ?? 0;
      const parent = parents[g]?.[m] ?? 0;
      const weight = pseudo[m] ?? 0;
      if (n === 0 || weight === Number.POSITIVE_INFINITY) return parent;
      return (n * (raw[g]?.[m] ?? 0) + weight * parent) / (n + weight);
    }),
  );
  const quality = deviation.map((row, g) => row.map((value) => (difficulty[g] ?? 0) + value));
  return { quality, deviation, k: pseudo };
}

/** Mean of `values` at `tasks`, skipping NaN (NaN when none is known). */
function meanAt(values: Float64Array, tasks: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const t of tasks) {
    const value = values[t] as number;
    if (Number.isNaN(value)) continue;
    sum += value;
    n += 1;
  }
  return n === 0 ? Number.NaN : sum / n;
}
