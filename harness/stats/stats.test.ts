import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval } from './bootstrap-interval.ts';
import { mcnemarTest } from './mcnemar-test.ts';
import { pairedBootstrapDelta } from './paired-bootstrap.ts';
import { wilsonInterval } from './wilson-interval.ts';

describe('wilsonInterval', () => {
  it('matches published values', () => {
    // Newcombe (1998), example: 81 of 263 -> 0.2553 to 0.3662.
    const interval = wilsonInterval(81, 263);
    expect(interval.estimate).toBeCloseTo(0.308, 3);
    expect(interval.low).toBeCloseTo(0.2553, 3);
    expect(interval.high).toBeCloseTo(0.3662, 3);
    // 0 of 10: the upper bound is 0.2775 (not 0, as the normal approximation would say).
    expect(wilsonInterval(0, 10)).toMatchObject({ estimate: 0, low: 0 });
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.7225, 3);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(5, 3)).toThrow('Expected integers 0 ≤ successes ≤ n, got `5` of `3`');
    expect(wilsonInterval(0, 0)).toMatchObject({ low: 0, high: 1 });
  });
});

describe('bootstrapMeanInterval', () => {
  const values = Array.from({ length: 200 }, (_, index) => (index % 10) / 10);

  it('is reproducible with a seed and changes with another seed', () => {
    const a = bootstrapMeanInterval(values, { seed: 42 });
    expect(bootstrapMeanInterval(values, { seed: 42 })).toEqual(a);
    expect(bootstrapMeanInterval(values, { seed: 43 })).not.toEqual(a);
  });

  it('covers the mean with about the normal-theory width', () => {
    const { estimate, low, high } = bootstrapMeanInterval(values, { seed: 7, resamples: 4000 });
    expect(estimate).toBeCloseTo(0.45, 10);
    // sd of 0..0.9 in steps of 0.1 is 0.2872; standard error 0.0203; 95 % half-width 0.0398.
    expect(high - low).toBeGreaterThan(0.07);
    expect(high - low).toBeLessThan(0.09);
    expect(low).toBeLessThan(estimate);
    expect(high).toBeGreaterThan(estimate);
  });
});

describe('mcnemarTest', () => {
  it('matches the exact binomial on a worked example', () => {
    // 1 vs 9 discordant pairs: P = 2 * P(X <= 1 | n = 10, p = 1/2) = 2 * 11/1024 = 0.021484375.
    expect(mcnemarTest(1, 9).method).toBe('exact');
    expect(mcnemarTest(1, 9).pValue).toBeCloseTo(0.021484375, 12);
    expect(mcnemarTest(5, 5).pValue).toBe(1);
    expect(mcnemarTest(0, 0).pValue).toBe(1);
  });

  it('uses chi-square with continuity correction for many discordant pairs', () => {
    // Classic example (Agresti): b = 86, c = 150 -> chi2 = (|86-150|-1)^2/236 = 16.82, p = 4.1e-5.
    const result = mcnemarTest(86, 150);
    expect(result.method).toBe('chi-square');
    expect(result.pValue).toBeCloseTo(4.1e-5, 5);
  });
});

describe('pairedBootstrapDelta', () => {
  it('finds a real paired difference and no difference where there is none', () => {
    const first = Array.from({ length: 100 }, (_, index) => (index % 4 === 0 ? 0 : 1));
    const better = first.map((value, index) => (index % 8 === 0 ? 1 : value));
    const worse = pairedBootstrapDelta(first, better, { seed: 3 });
    expect(worse.estimate).toBeCloseTo(0.13, 10);
    expect(worse.low).toBeGreaterThan(0);
    expect(worse.pValue).toBeLessThan(0.01);
    expect(pairedBootstrapDelta(first, first, { seed: 3 })).toMatchObject({ estimate: 0, pValue: 1 });
    expect(() => pairedBootstrapDelta([1], [1, 0])).toThrow('equal length');
  });
});
