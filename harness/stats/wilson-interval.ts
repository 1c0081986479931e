import { normalQuantile } from '../sim/normal.ts';
import type { Interval } from './interval.ts';

/**
 * Wilson score interval for a pass rate: well-behaved near 0 and 1 and for small n, where
 * the normal approximation is not. `n = 0` gives the uninformative [0, 1] around NaN.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`Expected integers 0 ≤ successes ≤ n, got \`${successes}\` of \`${n}\``);
  }
  if (n === 0) return { estimate: Number.NaN, low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
