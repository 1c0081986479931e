import type { Check } from '../checks/check.ts';
import type { AttemptRecord } from '../core/attempt.ts';
import type { JudgmentRecord } from '../core/judgment.ts';
import type { ModelConfig, RetryPolicy } from '../core/models-schema.ts';
import type { Provider, ProviderResponse } from '../core/provider-contract.ts';
import type { Task } from '../core/suite.ts';
import type { Generation } from '../core/suite-schema.ts';
import { computeCost } from '../cost/compute-cost.ts';
import { callWithRetries } from '../scheduler/call-with-retries.ts';
import type { ConnectionLane } from '../scheduler/connection-lane.ts';
import { scoreOutput } from '../scorers/score-output.ts';
import type { Scorer } from '../scorers/scorer.ts';
import { estimateTokens } from '../tokens/estimate-tokens.ts';
import { attemptSeed } from './attempt-seed.ts';
import { TryRequest } from './try-request.ts';

/** Everything one attempt needs; shared objects are built once per run. */
export interface AttemptContext {
  readonly runId: string;
  readonly runSeed: number;
  readonly model: ModelConfig;
  readonly provider: Provider;
  readonly lane: ConnectionLane;
  readonly retry: RetryPolicy;
  readonly generation: Generation;
  readonly scorer: Scorer;
  /** The suite's runtime check, when it has one. */
  readonly check?: Check | undefined;
  /** Receives the judge calls made while scoring (stored apart from the attempt's own cost). */
  readonly onJudgments?: ((judgments: readonly JudgmentRecord[]) => void) | undefined;
  readonly random: () => number;
  /** Aborts in-flight calls (hard stop). */
  readonly signal: AbortSignal;
  /** Receives settings the provider could not honour; the runner keeps one of each per model. */
  readonly warn?: ((message: string) => void) | undefined;
}

/** Errors longer than this are clipped in the store; provider messages can be whole HTML pages. */
const maxErrorMessage = 500;

/**
 * Makes one attempt: the call (with the harness's retries), then the score and the cost.
 * Always returns a record: failures are data. `aborted` attempts return `undefined`
 * so that a resumed run makes them again.
 */
export async function executeAttempt(context: AttemptContext, task: Task, repeat: number): Promise<AttemptRecord | undefined> {
  const { model, generation } = context;
  const startedAt = new Date();
  const seed = attemptSeed(context.runSeed, task.suiteId, task.id, repeat);
  let callStarted = 0;
  const result = await callWithRetries<ProviderResponse>({
    lane: context.lane,
    estimatedTokens: estimateTokens(task.system ?? '') + estimateTokens(task.prompt) + generation.max_tokens,
    policy: context.retry,
    timeoutMs: model.timeout_ms,
    signal: context.signal,
    random: context.random,
    attempt: async (trySignal) => {
      callStarted = performance.now();
      const response = await context.provider.generate(
        new TryRequest(model.model, task.system, [{ role: 'user', content: task.prompt }], generation.max_tokens, generation.temperature, generation.top_p, generation.stop, seed, trySignal),
      );
      const { inputTokens, outputTokens } = response.usage;
      return { value: response, actualTokens: inputTokens === null || outputTokens === null ? null : inputTokens + outputTokens };
    },
  });
  if (!result.ok) {
    if (result.error.code === 'aborted') return undefined;
    return {
      runId: context.runId,
      suiteId: task.suiteId,
      taskId: task.id,
      modelId: model.id,
      repeat,
      retries: result.retries,
      startedAt,
      status: result.error.code === 'timeout' ? 'timeout' : 'error',
      output: null,
      score: null,
      passed: null,
      extracted: null,
      explanation: null,
      checkPassed: null,
      finishReason: null,
      inputTokens: null,
      outputTokens: null,
      cachedInputTokens: null,
      cacheWriteTokens: null,
      reasoningTokens: null,
      costUsd: null,
      latencyMs: null,
      ttftMs: null,
      errorCode: result.error.code,
      errorMessage: result.error.message.slice(0, maxErrorMessage),
      finishedAt: new Date(),
    };
  }
  const response = result.value;
  const latencyMs = performance.now() - callStarted;
  for (const warning of response.warnings) context.warn?.(warning);
  const scored = await scoreOutput(context.scorer, context.check, task, response.text);
  if (scored.judgments.length > 0) {
    const key = { runId: context.runId, suiteId: task.suiteId, taskId: task.id, modelId: model.id, repeat, createdAt: new Date() };
    context.onJudgments?.(scored.judgments.map((judgment, judgeIndex) => ({ ...judgment, ...key, judgeIndex })));
  }
  const { usage } = response;
  // Written out field by field: object rest and spread on the hot path cost a tenth of a run's CPU.
  return {
    runId: context.runId,
    suiteId: task.suiteId,
    taskId: task.id,
    modelId: model.id,
    repeat,
    retries: result.retries,
    startedAt,
    status: scored.status,
    output: response.text,
    score: scored.score,
    passed: scored.passed,
    extracted: scored.extracted,
    explanation: scored.explanation,
    checkPassed: scored.checkPassed,
    finishReason: response.finishReason,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cachedInputTokens: usage.cachedInputTokens,
    cacheWriteTokens: usage.cacheWriteTokens,
    reasoningTokens: usage.reasoningTokens,
    costUsd: computeCost(usage, model.price),
    latencyMs,
    ttftMs: response.ttftMs,
    errorCode: scored.errorCode,
    errorMessage: scored.errorMessage,
    finishedAt: new Date(),
  };
}
