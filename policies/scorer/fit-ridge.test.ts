import { describe, expect, it } from 'vitest';
import { fitRidge, type SparseRow } from './fit-ridge.ts';

/** The ridge solution by Gaussian elimination on the dense normal equations: an independent computation. */
function solveDense(x: number[][], y: number[], l2: number): { intercept: number; weights: number[] } {
  const intercept = y.reduce((sum, value) => sum + value, 0) / y.length;
  const p = x[0]?.length ?? 0;
  const a = Array.from({ length: p }, (_, i) => [...Array.from({ length: p }, (_, j) => x.reduce((sum, row) => sum + (row[i] ?? 0) * (row[j] ?? 0), 0) + (i === j ? l2 : 0)), x.reduce((sum, row, r) => sum + (row[i] ?? 0) * ((y[r] ?? 0) - intercept), 0)]);
  for (let c = 0; c < p; c += 1) {
    const pivot = a[c] as number[];
    for (let r = 0; r < p; r += 1) {
      if (r === c) continue;
      const row = a[r] as number[];
      const factor = (row[c] ?? 0) / (pivot[c] ?? 1);
      for (let k = c; k <= p; k += 1) row[k] = (row[k] ?? 0) - factor * (pivot[k] ?? 0);
    }
  }
  return { intercept, weights: a.map((row, i) => (row[p] ?? 0) / (row[i] ?? 1)) };
}

describe('fitRidge', () => {
  it('matches the closed-form ridge solution on a small problem', () => {
    // 40 rows, 6 features, about half of the cells empty; y from known weights plus a fixed wobble.
    const dense = Array.from({ length: 40 }, (_, r) => Array.from({ length: 6 }, (_, j) => ((r * 7 + j * 3) % 5 < 2 ? 0 : ((r + 1) * (j + 2)) % 4)));
    const truth = [0.5, -1, 0, 2, 0.25, -0.5];
    const y = dense.map((row, r) => 0.3 + row.reduce((sum, value, j) => sum + value * (truth[j] ?? 0), 0) + ((r % 3) - 1) * 0.1);
    const rows: SparseRow[] = dense.map((row) => {
      const index = row.flatMap((value, j) => (value === 0 ? [] : [j]));
      return { index: Int32Array.from(index), value: Float64Array.from(index, (j) => row[j] ?? 0) };
    });
    for (const l2 of [0.1, 3]) {
      const fit = fitRidge(rows, y, 6, l2);
      const expected = solveDense(dense, y, l2);
      expect(fit.intercept).toBeCloseTo(expected.intercept, 10);
      expected.weights.forEach((weight, j) => expect(fit.weights[j]).toBeCloseTo(weight, 4));
    }
  });

  it('shrinks toward zero as the penalty grows, and gives the same weights for the same rows', () => {
    const rows: SparseRow[] = Array.from({ length: 20 }, (_, r) => ({ index: Int32Array.of(r % 2), value: Float64Array.of(1) }));
    const y = Array.from({ length: 20 }, (_, r) => (r % 2 === 0 ? 1 : 0));
    const weak = fitRidge(rows, y, 2, 0.01);
    const strong = fitRidge(rows, y, 2, 100);
    expect(weak.weights[0]).toBeCloseTo(0.5, 2);
    expect(Math.abs(strong.weights[0] ?? 0)).toBeLessThan(0.05);
    expect(Array.from(fitRidge(rows, y, 2, 0.01).weights)).toEqual(Array.from(weak.weights));
  });
});
