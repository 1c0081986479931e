import { createRandom } from '../sim/hash-random.ts';
import type { Interval } from './interval.ts';

/** Options of the seeded bootstrap. */
export interface BootstrapOptions {
  /** Seed of the resampling: the same seed gives the same interval. Default 1. */
  readonly seed?: number;
  /** Number of resamples. Default 2000. */
  readonly resamples?: number;
  /** Default 0.95. */
  readonly confidence?: number;
}

/** Percentile bootstrap interval of the mean of `values`, reproducible from its seed. */
export function bootstrapMeanInterval(values: readonly number[], options: BootstrapOptions = {}): Interval {
  const n = values.length;
  if (n === 0) return { estimate: Number.NaN, low: Number.NaN, high: Number.NaN };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const means = resampleMeans(n, (index) => values[index] ?? 0, options);
  return { estimate: mean, ...percentiles(means, options.confidence ?? 0.95) };
}

/** Means of `resamples` bootstrap resamples of `n` items read through `valueAt`. */
export function resampleMeans(n: number, valueAt: (index: number) => number, options: BootstrapOptions): Float64Array {
  const random = createRandom(options.seed ?? 1);
  const resamples = options.resamples ?? 2000;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r += 1) {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += valueAt(Math.floor(random() * n));
    means[r] = sum / n;
  }
  return means;
}

/** The two-sided percentile bounds of a sample. Sorts `sample` in place. */
export function percentiles(sample: Float64Array, confidence: number): { low: number; high: number } {
  sample.sort();
  const tail = (1 - confidence) / 2;
  const at = (q: number) => sample[Math.min(sample.length - 1, Math.max(0, Math.floor(q * sample.length)))] ?? Number.NaN;
  return { low: at(tail), high: at(1 - tail) };
}
