import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/** A prompt-length band and the tasks in it. */
export interface PromptBand {
  readonly band: { readonly min?: number; readonly max?: number };
  readonly tasks: readonly number[];
}

/**
 * Splits tasks into up to `count` bands of prompt length at the quantiles of the lengths, each
 * band holding at least `minTasks` tasks (fewer bands when the data cannot fill them). Longer
 * prompts often mean harder tasks, where a stronger model pays off: a band lets a portable router
 * act on that without knowing more than the prompt's length.
 */
export function splitPromptBands(matrix: PolicyMatrix, tasks: readonly number[], count: number, minTasks: number): PromptBand[] {
  const lengths = tasks.map((t) => matrix.tasks[t]?.promptChars ?? 0).sort((a, b) => a - b);
  for (let bands = count; bands >= 2; bands -= 1) {
    const edges = [...new Set(Array.from({ length: bands - 1 }, (_, i) => lengths[Math.floor((lengths.length * (i + 1)) / bands)] ?? 0))].filter((edge) => edge > (lengths[0] ?? 0));
    if (edges.length === 0) continue;
    const split = [...edges, Number.POSITIVE_INFINITY].map((max, i) => {
      const min = i === 0 ? undefined : edges[i - 1];
      const inBand = tasks.filter((t) => {
        const length = matrix.tasks[t]?.promptChars ?? 0;
        return (min === undefined || length >= min) && length < max;
      });
      const band = { ...(min === undefined ? {} : { min }), ...(max === Number.POSITIVE_INFINITY ? {} : { max }) };
      return { band, tasks: inBand };
    });
    if (split.every((band) => band.tasks.length >= minTasks)) return split;
  }
  return [];
}
