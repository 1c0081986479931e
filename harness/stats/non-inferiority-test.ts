import { normalQuantile } from '../sim/normal.ts';
import { resampleMeans, type BootstrapOptions } from './bootstrap-interval.ts';

/** Outcome of a one-sided paired non-inferiority test. */
export interface NonInferiorityResult {
  /** Pairs compared. */
  readonly n: number;
  /** Mean paired difference, candidate − reference. */
  readonly estimate: number;
  /** One-sided (1 − alpha) lower confidence bound of the difference. */
  readonly lower: number;
  /** True when `lower` > −margin: the candidate is not worse than the reference by `margin` or more. */
  readonly nonInferior: boolean;
  /** `bootstrap` below `normalFrom` pairs, `normal` (the paired z bound) from there on. */
  readonly method: 'bootstrap' | 'normal';
}

/** Options of the test; the bootstrap's seed and resamples as in `BootstrapOptions`. */
export interface NonInferiorityOptions extends Omit<BootstrapOptions, 'confidence'> {
  /** Largest acceptable loss, in the scores' units (≥ 0). */
  readonly margin: number;
  /** One-sided significance level, in (0, 1). */
  readonly alpha: number;
  /** Pairs from which the normal approximation replaces the bootstrap. Default 200. */
  readonly normalFrom?: number;
}

/**
 * Is `candidate` no worse than `reference` by `margin` or more, on the same tasks? Paired over
 * tasks (each task's two scores stay together, so its difficulty cancels out). Below `normalFrom`
 * pairs, a seeded bootstrap: the lower bound is the `alpha` quantile of the resampled mean
 * differences. From there on the mean difference is normal to a fraction of a point, and the
 * bootstrap's O(resamples × n) cost would dominate a cross-validated fit: the bound is then
 * mean − z(1 − alpha) · sd / √n. Deterministic either way.
 */
export function pairedNonInferiorityTest(reference: readonly number[], candidate: readonly number[], options: NonInferiorityOptions): NonInferiorityResult {
  if (reference.length !== candidate.length) throw new RangeError(`Expected paired samples of equal length, got \`${reference.length}\` and \`${candidate.length}\``);
  if (!(options.margin >= 0)) throw new RangeError(`Expected \`margin\` to be ≥ 0, got \`${options.margin}\``);
  if (!(options.alpha > 0 && options.alpha < 1)) throw new RangeError(`Expected \`alpha\` in (0, 1), got \`${options.alpha}\``);
  const n = reference.length;
  if (n === 0) return { n, estimate: Number.NaN, lower: Number.NaN, nonInferior: false, method: 'bootstrap' };
  const differences = candidate.map((value, index) => value - (reference[index] ?? 0));
  const estimate = differences.reduce((sum, value) => sum + value, 0) / n;
  let lower: number;
  let method: NonInferiorityResult['method'];
  if (n >= (options.normalFrom ?? 200)) {
    const variance = differences.reduce((sum, value) => sum + (value - estimate) ** 2, 0) / (n - 1);
    lower = estimate - normalQuantile(1 - options.alpha) * Math.sqrt(variance / n);
    method = 'normal';
  } else {
    const means = resampleMeans(n, (index) => differences[index] ?? 0, options).sort();
    lower = means[Math.min(means.length - 1, Math.max(0, Math.floor(options.alpha * means.length)))] ?? Number.NaN;
    method = 'bootstrap';
  }
  // A small tolerance keeps "exactly −margin" (a worst case the test must not accept) stable under rounding.
  return { n, estimate, lower, nonInferior: lower > -options.margin + 1e-12, method };
}
