/** A band of some value, `min` inclusive, `max` exclusive (either may be open), and the tasks in it. */
export interface QuantileBand {
  readonly band: { readonly min?: number; readonly max?: number };
  readonly tasks: readonly number[];
}

/**
 * Splits `tasks` into up to `count` bands of `valueOf(t)` cut at its quantiles (edges passed
 * through `edgeOf`, e.g. rounding), each band holding at least `minTasks` tasks: fewer bands when
 * the data cannot fill them, none (`[]`) when not even two can be filled.
 */
export function splitAtQuantiles(tasks: readonly number[], valueOf: (t: number) => number, count: number, minTasks: number, edgeOf: (value: number) => number = (value) => value): QuantileBand[] {
  const sorted = tasks.map(valueOf).sort((a, b) => a - b);
  for (let bands = count; bands >= 2; bands -= 1) {
    const edges = [...new Set(Array.from({ length: bands - 1 }, (_, i) => edgeOf(sorted[Math.floor((sorted.length * (i + 1)) / bands)] ?? 0)))].filter((edge) => edge > (sorted[0] ?? 0));
    if (edges.length === 0) continue;
    const split = [...edges, Number.POSITIVE_INFINITY].map((max, i) => {
      const min = i === 0 ? undefined : edges[i - 1];
      const inBand = tasks.filter((t) => {
        const value = valueOf(t);
        return (min === undefined || value >= min) && value < max;
      });
      return { band: { ...(min === undefined ? {} : { min }), ...(max === Number.POSITIVE_INFINITY ? {} : { max }) }, tasks: inBand };
    });
    if (split.every((band) => band.tasks.length >= minTasks)) return split;
  }
  return [];
}
