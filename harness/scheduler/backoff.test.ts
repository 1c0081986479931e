import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../core/models-schema.ts';
import { computeBackoffMs, RETRY_AFTER_CEILING_MS } from './backoff.ts';

const policy: RetryPolicy = { max_retries: 4, base_delay_ms: 100, max_delay_ms: 1_000 };
const almostOne = (): number => 1 - Number.EPSILON;

describe('computeBackoffMs', () => {
  it('scales the doubling ceiling by the random draw (full jitter)', () => {
    expect([0, 1, 2, 3].map((i) => computeBackoffMs(i, policy, () => 0.5))).toEqual([50, 100, 200, 400]);
    expect(computeBackoffMs(3, policy, () => 0)).toBe(0);
  });

  it('stays below min(max_delay_ms, base_delay_ms * 2 ** retryIndex)', () => {
    for (let i = 0; i < 30; i += 1) {
      const delay = computeBackoffMs(i, policy, almostOne);
      const ceiling = Math.min(policy.max_delay_ms, policy.base_delay_ms * 2 ** i);
      expect(delay).toBeLessThan(ceiling);
      expect(delay).toBeGreaterThan(ceiling * 0.99);
    }
  });

  it('waits at least Retry-After, even past max_delay_ms', () => {
    expect(computeBackoffMs(0, policy, () => 0, 5_000)).toBe(5_000);
    // A jittered delay longer than Retry-After wins.
    expect(computeBackoffMs(3, policy, almostOne, 10)).toBeGreaterThan(790);
  });

  it('caps Retry-After at five minutes', () => {
    expect(RETRY_AFTER_CEILING_MS).toBe(300_000);
    expect(computeBackoffMs(0, policy, () => 0, 3_600_000)).toBe(300_000);
  });

  it('ignores a NaN Retry-After and never returns NaN for a zero base', () => {
    expect(computeBackoffMs(1, policy, () => 0.5, Number.NaN)).toBe(100);
    expect(computeBackoffMs(2_000, { ...policy, base_delay_ms: 0 }, almostOne)).toBe(0);
  });

  it('rejects a negative or fractional retry index', () => {
    expect(() => computeBackoffMs(-1, policy, Math.random)).toThrow('Expected `retryIndex` to be an integer ≥ 0, got `-1`');
    expect(() => computeBackoffMs(0.5, policy, Math.random)).toThrow(RangeError);
  });
});
