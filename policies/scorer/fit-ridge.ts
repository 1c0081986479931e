/** One row of a sparse design matrix: feature indices and their values. */
export interface SparseRow {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/** A fitted linear model: `intercept + Σ weights[index] · value`. */
export interface RidgeFit {
  readonly intercept: number;
  readonly weights: Float64Array;
}

/** Stop when the residual of the normal equations is this small relative to where it started. */
const tolerance = 1e-5;

/**
 * Ridge regression on sparse rows: the intercept is the mean of `y`, and the weights minimise
 * Σ (y − intercept − x·w)² + l2 · |w|², solved by conjugate gradients on the normal equations
 * (preconditioned by their diagonal). Deterministic: the same rows give the same weights.
 * `features` is the number of feature indices.
 */
export function fitRidge(rows: readonly SparseRow[], y: ArrayLike<number>, features: number, l2: number, maxIterations = 200): RidgeFit {
  let intercept = 0;
  for (let r = 0; r < rows.length; r += 1) intercept += y[r] as number;
  intercept = rows.length === 0 ? 0 : intercept / rows.length;
  const residual = new Float64Array(features);
  const diagonal = new Float64Array(features).fill(l2);
  rows.forEach((row, r) => {
    const target = (y[r] as number) - intercept;
    for (let k = 0; k < row.index.length; k += 1) {
      const j = row.index[k] as number;
      const value = row.value[k] as number;
      residual[j] = (residual[j] as number) + value * target;
      diagonal[j] = (diagonal[j] as number) + value * value;
    }
  });
  for (let j = 0; j < features; j += 1) diagonal[j] = 1 / ((diagonal[j] as number) || 1);
  const weights = new Float64Array(features);
  const preconditioned = Float64Array.from(residual, (value, j) => value * (diagonal[j] as number));
  const direction = Float64Array.from(preconditioned);
  const product = new Float64Array(features);
  let rz = dot(residual, preconditioned);
  const stop = dot(residual, residual) * tolerance ** 2;
  for (let iteration = 0; iteration < maxIterations && rz > 0; iteration += 1) {
    multiplyNormal(rows, l2, direction, product);
    const step = rz / dot(direction, product);
    for (let j = 0; j < features; j += 1) {
      weights[j] = (weights[j] as number) + step * (direction[j] as number);
      residual[j] = (residual[j] as number) - step * (product[j] as number);
    }
    if (dot(residual, residual) <= stop) break;
    for (let j = 0; j < features; j += 1) preconditioned[j] = (residual[j] as number) * (diagonal[j] as number);
    const next = dot(residual, preconditioned);
    const beta = next / rz;
    rz = next;
    for (let j = 0; j < features; j += 1) direction[j] = (preconditioned[j] as number) + beta * (direction[j] as number);
  }
  return { intercept, weights };
}

/** `out = (XᵀX + l2·I) v`. */
function multiplyNormal(rows: readonly SparseRow[], l2: number, v: Float64Array, out: Float64Array): void {
  for (let j = 0; j < out.length; j += 1) out[j] = l2 * (v[j] as number);
  for (const row of rows) {
    let sum = 0;
    for (let k = 0; k < row.index.length; k += 1) sum += (row.value[k] as number) * (v[row.index[k] as number] as number);
    for (let k = 0; k < row.index.length; k += 1) {
      const j = row.index[k] as number;
      out[j] = (out[j] as number) + (row.value[k] as number) * sum;
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j += 1) sum += (a[j] as number) * (b[j] as number);
  return sum;
}
