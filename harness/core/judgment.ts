import type { AttemptKey } from './attempt.ts';

/** One call to a judge model while scoring one completion. */
export interface JudgeCall {
  /** Config id of the judge model. */
  readonly judgeModelId: string;
  /** Hash of the judge prompt: the same rubric, question and answer give the same hash. */
  readonly promptHash: string;
  /** `ok` when the judge answered with a readable verdict. */
  readonly status: 'ok' | 'error' | 'timeout';
  /** The judge's raw reply. */
  readonly output: string | null;
  /** The score on the rubric's scale, as the judge gave it (clamped to the scale). */
  readonly verdict: number | null;
  /** `verdict` mapped to [0, 1]. */
  readonly score: number | null;
  readonly reasoning: string | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly reasoningTokens: number | null;
  /** Cost of the judge call, USD; `null` when the judge has no price or usage is unknown. */
  readonly costUsd: number | null;
  readonly latencyMs: number | null;
  readonly retries: number;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

/** One row of the `judgments` table: a judge call and the attempt it judged. */
export interface JudgmentRecord extends AttemptKey, JudgeCall {
  readonly runId: string;
  /** Position of the call among the judge calls made for the attempt (0-based; a panel in order). */
  readonly judgeIndex: number;
  readonly createdAt: Date;
}
