import type { FinishReason, ProviderErrorCode } from './provider-contract.ts';

/** How an attempt ended. `error` and `timeout` are infrastructure failures, never wrong answers. */
export type AttemptStatus = 'ok' | 'error' | 'timeout' | 'skipped';

/** Why an attempt failed: a provider failure, or a scorer that could not reach a verdict. */
export type AttemptErrorCode = ProviderErrorCode | 'scorer_error';

/** The identity of an attempt; unique within a run. */
export interface AttemptKey {
  readonly suiteId: string;
  readonly taskId: string;
  readonly modelId: string;
  /** 0-based repeat index: repeats are independent samples. */
  readonly repeat: number;
}

/** One row of the `attempts` table. */
export interface AttemptRecord extends AttemptKey {
  readonly runId: string;
  readonly status: AttemptStatus;
  readonly output: string | null;
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly extracted: string | null;
  readonly explanation: string | null;
  /** The suite's runtime check on the output; `null` when the suite has none or there is no output. */
  readonly checkPassed?: boolean | null;
  readonly finishReason: FinishReason | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly cachedInputTokens: number | null;
  readonly cacheWriteTokens: number | null;
  readonly reasoningTokens: number | null;
  /** `null` when the model has no price or the usage is unknown: never a silent 0. */
  readonly costUsd: number | null;
  readonly latencyMs: number | null;
  readonly ttftMs: number | null;
  /** Retries before the final outcome. */
  readonly retries: number;
  readonly errorCode: AttemptErrorCode | null;
  readonly errorMessage: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}
