import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { splitAtQuantiles, type QuantileBand } from './split-at-quantiles.ts';

/** A prompt-length band and the tasks in it. */
export type PromptBand = QuantileBand;

/**
 * Splits tasks into up to `count` bands of prompt length at the quantiles of the lengths, each
 * band holding at least `minTasks` tasks (fewer bands when the data cannot fill them). Longer
 * prompts often mean harder tasks, where a stronger model pays off: a band lets a portable router
 * act on that without knowing more than the prompt's length.
 */
export function splitPromptBands(matrix: PolicyMatrix, tasks: readonly number[], count: number, minTasks: number): PromptBand[] {
  return splitAtQuantiles(tasks, (t) => matrix.tasks[t]?.promptChars ?? 0, count, minTasks);
}
