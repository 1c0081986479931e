import type { Score } from '../core/score.ts';
import type { JudgeClient } from './judge-client.ts';

/** What a scorer sees of a task. */
export interface ScorableTask {
  readonly expected: unknown;
  readonly vars: Readonly<Record<string, unknown>>;
  /** Task id, for seeds and messages. */
  readonly id?: string;
  /** Rendered prompts, shown to judges. */
  readonly system?: string | undefined;
  readonly prompt?: string;
}

/**
 * A scorer: built once per spec by a factory, then applied to each completion. Scorers that run
 * something (code, judges, custom modules) return a promise; the others answer at once.
 */
export type Scorer = (task: ScorableTask, completion: string) => Score | Promise<Score>;

/** What factories may need beyond the spec. */
export interface ScorerContext {
  /** Folder of the suite file: `custom` module paths are relative to it. */
  readonly baseDir: string;
  /** Calls judge models; absent where no models are available (then judge scorers report an error). */
  readonly judge?: JudgeClient | undefined;
}
