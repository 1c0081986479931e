/**
 * Holm–Bonferroni adjusted p-values, in the order given: controls the chance of any false
 * alarm across a family of tests (a nightly comparison tests every model and category at once)
 * while keeping more power than plain Bonferroni. Reject where the adjusted value is below α.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p || a.index - b.index);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
