import type { ModelConfig, RetryPolicy } from '../core/models-schema.ts';
import type { Provider, ProviderResponse } from '../core/provider-contract.ts';
import { computeCost } from '../cost/compute-cost.ts';
import { callWithRetries } from '../scheduler/call-with-retries.ts';
import { TryRequest } from './try-request.ts';
import type { ConnectionLane } from '../scheduler/connection-lane.ts';
import type { JudgeClient } from '../scorers/judge-client.ts';
import { createRandom, hash32 } from '../sim/hash-random.ts';
import { estimateTokens } from '../tokens/estimate-tokens.ts';

/** What the runner lends its judges: the run's models, their lanes, its retry policy and stop signal. */
export interface JudgeClientArgs {
  readonly models: readonly ModelConfig[];
  readonly providers: readonly Provider[];
  /** The lane of a model's connection: judge calls share it (and its limits) with candidate calls. */
  readonly laneFor: (model: ModelConfig, provider: Provider) => ConnectionLane;
  readonly retry: RetryPolicy;
  readonly runSeed: number;
  readonly signal: AbortSignal;
}

/**
 * Judge calls of a run: through the judge model's own connection lane, with the harness's retries
 * and the model's timeout, at temperature 0, priced with the judge's own price.
 */
export function createJudgeClient(args: JudgeClientArgs): JudgeClient {
  const randoms = new Map<string, () => number>();
  return {
    async call(request) {
      const index = args.models.findIndex((model) => model.id === request.judgeModelId);
      const model = args.models[index];
      const provider = args.providers[index];
      if (model === undefined || provider === undefined) {
        return { ok: false, timeout: false, errorCode: 'not_found', errorMessage: `judge model \`${request.judgeModelId}\` is not configured`, retries: 0 };
      }
      const random = randoms.get(model.id) ?? createRandom(hash32(args.runSeed, 'judge', model.id));
      randoms.set(model.id, random);
      let started = 0;
      const result = await callWithRetries<ProviderResponse>({
        lane: args.laneFor(model, provider),
        estimatedTokens: estimateTokens(request.system) + estimateTokens(request.prompt) + request.maxTokens,
        policy: args.retry,
        timeoutMs: model.timeout_ms,
        signal: args.signal,
        random,
        attempt: async (trySignal) => {
          started = performance.now();
          const response = await provider.generate(
            new TryRequest(model.model, request.system, [{ role: 'user', content: request.prompt }], request.maxTokens, 0, undefined, undefined, request.seed, trySignal),
          );
          const { inputTokens, outputTokens } = response.usage;
          return { value: response, actualTokens: inputTokens === null || outputTokens === null ? null : inputTokens + outputTokens };
        },
      });
      if (!result.ok) return { ok: false, timeout: result.error.code === 'timeout', errorCode: result.error.code, errorMessage: result.error.message.slice(0, 500), retries: result.retries };
      const response = result.value;
      return { ok: true, text: response.text, usage: response.usage, costUsd: computeCost(response.usage, model.price), latencyMs: performance.now() - started, retries: result.retries };
    },
  };
}
