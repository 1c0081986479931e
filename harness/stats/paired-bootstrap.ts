import { percentiles, resampleMeans, type BootstrapOptions } from './bootstrap-interval.ts';
import type { Interval } from './interval.ts';

/** Mean paired difference (second − first) with a bootstrap interval and a two-sided p-value. */
export interface PairedDelta extends Interval {
  readonly n: number;
  readonly pValue: number;
}

/**
 * Paired bootstrap over tasks: resamples tasks (not attempts), so each task's two scores stay
 * together and the task's difficulty cancels out. The p-value is the two-sided share of
 * resampled mean differences on the far side of 0, floored at 1 / resamples.
 */
export function pairedBootstrapDelta(first: readonly number[], second: readonly number[], options: BootstrapOptions = {}): PairedDelta {
  if (first.length !== second.length) throw new RangeError(`Expected paired samples of equal length, got \`${first.length}\` and \`${second.length}\``);
  const n = first.length;
  if (n === 0) return { n, estimate: Number.NaN, low: Number.NaN, high: Number.NaN, pValue: 1 };
  const differences = first.map((value, index) => (second[index] ?? 0) - value);
  const estimate = differences.reduce((sum, value) => sum + value, 0) / n;
  const means = resampleMeans(n, (index) => differences[index] ?? 0, options);
  let below = 0;
  let above = 0;
  for (const mean of means) {
    if (mean <= 0) below += 1;
    if (mean >= 0) above += 1;
  }
  const pValue = Math.min(1, Math.max(1 / means.length, (2 * Math.min(below, above)) / means.length));
  return { n, estimate, ...percentiles(means, options.confidence ?? 0.95), pValue };
}
