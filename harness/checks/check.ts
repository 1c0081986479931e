import type { ScorableTask } from '../scorers/scorer.ts';

/** A suite's runtime check: a cheap verdict on a completion that needs no expected answer. */
export type Check = (task: ScorableTask, completion: string) => boolean;
