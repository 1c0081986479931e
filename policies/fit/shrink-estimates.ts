import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/** Each task's mean score over the columns that scored it, and each column's deviation from it (NaN where missing). */
export interface Deviations {
  readonly rowMean: Float64Array;
  readonly byColumn: readonly Float64Array[];
}

/** Deviations from the task's mean: the task's difficulty cancels out, what remains is how the models differ. */
export function computeDeviations(matrix: PolicyMatrix): Deviations {
  const columns = matrix.models.length;
  const rowMean = new Float64Array(matrix.tasks.length);
  const byColumn = matrix.models.map(() => new Float64Array(matrix.tasks.length).fill(Number.NaN));
  matrix.cells.forEach((row, t) => {
    let sum = 0;
    let n = 0;
    for (const cell of row) {
      if (cell?.score === null || cell === undefined) continue;
      sum += cell.score;
      n += 1;
    }
    const mean = n === 0 ? Number.NaN : sum / n;
    rowMean[t] = mean;
    for (let m = 0; m < columns; m += 1) {
      const score = row[m]?.score;
      if (score !== null && score !== undefined) (byColumn[m] as Float64Array)[t] = score - mean;
    }
  });
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
  const difficulty = groups.map((tasks) => meanOf(tasks.map((t) => deviations.rowMean[t] ?? Number.NaN)));
  const within = new Float64Array(columns);
  const withinDf = new Float64Array(columns);
  groups.forEach((tasks, g) => {
    for (let m = 0; m < columns; m += 1) {
      const values = tasks.map((t) => deviations.byColumn[m]?.[t] ?? Number.NaN).filter((value) => !Number.isNaN(value));
      const mean = meanOf(values);
      (raw[g] as Float64Array)[m] = mean;
      (counts[g] as Float64Array)[m] = values.length;
      for (const value of values) within[m] = (within[m] ?? 0) + (value - mean) ** 2;
      withinDf[m] = (withinDf[m] ?? 0) + Math.max(0, values.length - 1);
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

function meanOf(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    sum += value;
    n += 1;
  }
  return n === 0 ? Number.NaN : sum / n;
}
