/**
 * Linear-interpolation quantile (DuckDB's `quantile_cont`) of `values`, or `null` when empty.
 * Reorders `values` in place. Finds the two order statistics it needs by selection (expected
 * linear time) rather than a full sort: a p95 per segment and column of a million-attempt store.
 */
export function selectQuantile(values: Float64Array, q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const low = selectKth(values, below);
  // Selection leaves every value after `below` at least as large: the next order statistic is their minimum.
  let high = Number.POSITIVE_INFINITY;
  for (let i = below + 1; i < n; i += 1) high = Math.min(high, values[i] as number);
  if (below + 1 >= n) high = low;
  return low + (high - low) * (position - below);
}

/** The `k`-th smallest value (0-based), with smaller values before index `k` and larger ones after (Hoare partitions, median-of-three pivots). */
function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const a = values[lo] as number;
    const b = values[(lo + hi) >>> 1] as number;
    const c = values[hi] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}
