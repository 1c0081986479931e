import type { ModelConfig } from '../core/models-schema.ts';
import { ProviderError, type Provider, type ProviderRequest, type ProviderResponse } from '../core/provider-contract.ts';
import type { SimSpec } from '../core/sim-spec.ts';
import { sleep } from '../scheduler/sleep.ts';
import { estimateTokens } from '../tokens/estimate-tokens.ts';
import { hash32 } from './hash-random.ts';
import { writeSimAnswer } from './sim-answer.ts';
import { isCorrect, simFault, simReasoningTokens, simTiming } from './sim-behaviour.ts';
import type { SimOracle } from './sim-oracle.ts';

export interface SimProviderSettings {
  /** The answer key: tasks the simulated model can recognise from their prompt. */
  readonly oracle: SimOracle;
  /** Multiplies every simulated delay; 0 answers at once (tests, benchmarks). Default 1. */
  readonly timeScale?: number;
}

/** Retry-After the simulator sends with a simulated 429, in simulated ms. */
const simRetryAfterMs = 1000;

/**
 * The in-process simulated model. Deterministic from (request seed, task, model): the runner
 * derives the request seed from (run seed, task, repeat). Faults vary with each call of an
 * attempt so that retries can succeed, as they do against real services.
 */
export function createSimProvider(model: ModelConfig & { sim: SimSpec }, settings: SimProviderSettings): Provider {
  const timeScale = settings.timeScale ?? 1;
  // Calls already made per attempt seed that ended in a fault; cleared on success.
  const faultedCalls = new Map<number, number>();

  async function generate(request: ProviderRequest): Promise<ProviderResponse> {
    const started = performance.now();
    const prompt = request.messages.map((message) => message.content).join('\n');
    const knowledge = settings.oracle.lookup(request.system, prompt);
    const callIndex = faultedCalls.get(request.seed) ?? 0;
    const fault = simFault(model.sim, model.id, request.seed, callIndex);
    if (fault !== undefined) {
      faultedCalls.set(request.seed, callIndex + 1);
      await failWith(fault, request.signal, timeScale);
    }
    faultedCalls.delete(request.seed);

    const correct = knowledge !== undefined && isCorrect(model.sim, model.id, knowledge, request.seed);
    const text = writeSimAnswer(knowledge, correct, model.sim.verbosity, hash32(model.id, request.seed));
    const reasoningTokens = simReasoningTokens(model.sim, model.id, request.seed);
    const visibleTokens = estimateTokens(text);
    // Reasoning has its own budget (like a thinking budget); max_tokens caps the visible answer.
    const truncated = visibleTokens > request.maxTokens;
    const outputTokens = Math.min(request.maxTokens, visibleTokens) + reasoningTokens;
    const timing = simTiming(model.sim, model.id, request.seed, outputTokens);

    // At time scale 0 the answer is immediate: no timer turn per call.
    if (timeScale > 0) await sleep(timing.ttftMs * timeScale, request.signal);
    const ttftMs = performance.now() - started;
    if (timeScale > 0) await sleep((timing.totalMs - timing.ttftMs) * timeScale, request.signal);
    return {
      text: truncated ? text.slice(0, request.maxTokens * 4) : text,
      finishReason: truncated ? 'length' : 'stop',
      usage: {
        inputTokens: (request.system === undefined ? 0 : estimateTokens(request.system) + 4) + estimateTokens(prompt) + 4 * request.messages.length,
        outputTokens,
        cachedInputTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens,
      },
      ttftMs,
      warnings: [],
    };
  }

  return { id: model.id, connectionKey: `sim:${model.model}`, simulated: true, generate };
}

async function failWith(fault: 'rate_limit' | 'server_error' | 'timeout' | 'malformed', signal: AbortSignal, timeScale: number): Promise<never> {
  switch (fault) {
    case 'rate_limit':
      throw new ProviderError('rate_limited', 'simulated 429: rate limit exceeded', { retryable: true, status: 429, retryAfterMs: simRetryAfterMs * timeScale });
    case 'server_error':
      throw new ProviderError('server_error', 'simulated 500: internal server error', { retryable: true, status: 500 });
    case 'malformed':
      throw new ProviderError('malformed_response', 'simulated malformed response body', { retryable: true, status: 200 });
    case 'timeout':
      // A stall: the call hangs until the per-attempt timeout (or the run) aborts it.
      if (signal.aborted) throw signal.reason as Error;
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
      throw new ProviderError('timeout', 'simulated stall', { retryable: true });
  }
}
