import { describe, expect, it } from 'vitest';
import { selectQuantile } from './select-quantile.ts';

/** The quantile by a full sort, as DuckDB's `quantile_cont` defines it. */
function sortedQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(sorted.length - 1, below + 1)] ?? low;
  return low + (high - low) * (position - below);
}

describe('selectQuantile', () => {
  it('gives exactly what sorting gives, with ties, few distinct values and any length', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    for (const length of [1, 2, 3, 10, 101, 1000, 4097]) {
      for (const distinct of [1, 3, 100, 1_000_000]) {
        const values = Array.from({ length }, () => 200 + (next() % distinct) * 0.5);
        for (const q of [0, 0.05, 0.5, 0.95, 0.99, 1]) expect(selectQuantile(Float64Array.from(values), q)).toBe(sortedQuantile(values, q));
      }
    }
  });

  it('has no quantile of nothing', () => {
    expect(selectQuantile(new Float64Array(0), 0.95)).toBeNull();
  });
});
