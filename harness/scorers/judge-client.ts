import type { Usage } from '../core/provider-contract.ts';

/** One call to a judge model. */
export interface JudgeRequest {
  readonly judgeModelId: string;
  readonly system: string;
  readonly prompt: string;
  readonly maxTokens: number;
  /** Deterministic per (prompt, judge): simulated judges draw from it. */
  readonly seed: number;
  /** Hash of system + prompt; lets a replaying client find a stored verdict. */
  readonly promptHash: string;
}

/** What a judge call returned: the text and what it cost, or why it failed. */
export type JudgeResponse =
  | {
      readonly ok: true;
      readonly text: string;
      readonly usage: Usage;
      readonly costUsd: number | null;
      readonly latencyMs: number | null;
      readonly retries: number;
    }
  | {
      readonly ok: false;
      readonly timeout: boolean;
      readonly errorCode: string;
      readonly errorMessage: string;
      readonly retries: number;
    };

/**
 * How judge scorers reach models. The runner's client sends calls through the judge model's own
 * connection lane (same limits and retries as candidate calls); `rescore` replays stored verdicts.
 */
export interface JudgeClient {
  call(request: JudgeRequest): Promise<JudgeResponse>;
}
