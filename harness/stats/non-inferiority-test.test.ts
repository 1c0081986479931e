import { describe, expect, it } from 'vitest';
import { pairedNonInferiorityTest } from './non-inferiority-test.ts';

describe('pairedNonInferiorityTest', () => {
  const reference = Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? 0 : 1));

  it('accepts a candidate slightly worse than the reference and refuses one worse than the margin', () => {
    const slightly = reference.map((value, i) => (i % 100 === 1 ? 0 : value));
    const result = pairedNonInferiorityTest(reference, slightly, { margin: 0.05, alpha: 0.05, seed: 3 });
    expect(result).toMatchObject({ n: 400, nonInferior: true, method: 'normal' });
    expect(result.estimate).toBeCloseTo(-0.01, 12);
    // 4 of 400 differences are -1: sd = sqrt(0.01 * 0.99 * 400 / 399); bound = -0.01 - 1.6449 * sd / 20.
    expect(result.lower).toBeCloseTo(-0.01 - 1.6448536 * Math.sqrt((0.01 * 0.99 * 400) / 399) / 20, 6);
    // The bootstrap, used below 200 pairs, agrees to within its resampling noise.
    const bootstrap = pairedNonInferiorityTest(reference, slightly, { margin: 0.05, alpha: 0.05, seed: 3, normalFrom: 1000 });
    expect(bootstrap.method).toBe('bootstrap');
    expect(Math.abs(bootstrap.lower - result.lower)).toBeLessThan(0.004);
    const much = reference.map((value, i) => (i % 10 === 1 ? 0 : value));
    expect(pairedNonInferiorityTest(reference, much, { margin: 0.05, alpha: 0.05, seed: 3 })).toMatchObject({ nonInferior: false });
  });

  it('cannot show non-inferiority at margin 0, is reproducible from its seed, and checks its input', () => {
    expect(pairedNonInferiorityTest(reference, reference, { margin: 0, alpha: 0.05 }).nonInferior).toBe(false);
    expect(pairedNonInferiorityTest(reference, reference, { margin: 0.01, alpha: 0.05 }).nonInferior).toBe(true);
    const noisy = reference.slice(0, 150).map((value, i) => (i % 7 === 0 ? 1 - value : value));
    const small = (seed: number) => pairedNonInferiorityTest(reference.slice(0, 150), noisy, { margin: 0.05, alpha: 0.05, seed });
    expect(small(9)).toEqual(small(9));
    expect(small(9).method).toBe('bootstrap');
    expect(() => pairedNonInferiorityTest([1], [1, 0], { margin: 0.05, alpha: 0.05 })).toThrow('equal length');
    expect(() => pairedNonInferiorityTest([1], [1], { margin: 0.05, alpha: 1 })).toThrow('Expected `alpha` in (0, 1), got `1`');
  });
});
