import type { Score } from '../core/score.ts';

/** What a scorer sees of a task. */
export interface ScorableTask {
  readonly expected: unknown;
  readonly vars: Readonly<Record<string, unknown>>;
}

/** A scorer: built once per spec by a factory, then applied to each completion. */
export type Scorer = (task: ScorableTask, completion: string) => Score;
