import type { ModelConfig } from '../core/models-schema.ts';
import { ProviderError, type Provider, type ProviderRequest, type ProviderResponse } from '../core/provider-contract.ts';
import type { SimSpec } from '../core/sim-spec.ts';
import { sleep } from '../scheduler/sleep.ts';
import { planSimReply } from './plan-sim-reply.ts';
import type { SimFaultKind } from './sim-behaviour.ts';
import { createSimFaultSequence } from './sim-fault-sequence.ts';
import type { SimOracle } from './sim-oracle.ts';

export interface SimProviderSettings {
  /** The answer key: tasks the simulated model can recognise from their prompt. */
  readonly oracle: SimOracle;
  /** Multiplies every simulated delay; 0 answers at once (tests, benchmarks). Default 1. */
  readonly timeScale?: number;
}

/** Retry-After the simulator sends with a simulated 429, in simulated ms. */
export const simRetryAfterMs = 1000;

/**
 * The in-process simulated model. Deterministic from (request seed, task, model): the runner
 * derives the request seed from (run seed, task, repeat). Faults vary with each call of an
 * attempt so that retries can succeed, as they do against real services.
 */
export function createSimProvider(model: ModelConfig & { sim: SimSpec }, settings: SimProviderSettings): Provider {
  const timeScale = settings.timeScale ?? 1;
  const faults = createSimFaultSequence();
  // A model without faults never draws one: skip the draw (a hash and a map key per call).
  const faulty = Object.values(model.sim.faults).some((rate) => rate > 0);

  async function generate(request: ProviderRequest): Promise<ProviderResponse> {
    const started = performance.now();
    const fault = faulty ? faults.next(model, request.seed) : undefined;
    if (fault !== undefined) await failWith(fault, request.signal, timeScale);
    const reply = planSimReply(model, settings.oracle, request);
    const { tokens, timing } = reply;

    // At time scale 0 the answer is immediate: no timer turn per call.
    if (timeScale > 0) await sleep(timing.ttftMs * timeScale, request.signal);
    const ttftMs = performance.now() - started;
    if (timeScale > 0) await sleep((timing.totalMs - timing.ttftMs) * timeScale, request.signal);
    return {
      text: reply.text,
      finishReason: reply.finishReason,
      usage: {
        inputTokens: tokens.input,
        outputTokens: tokens.visible + tokens.reasoning,
        cachedInputTokens: tokens.cache.hit,
        // In process there is no wire format that bills cache writes apart.
        cacheWriteTokens: 0,
        reasoningTokens: tokens.reasoning,
      },
      ttftMs,
      warnings: [],
    };
  }

  return { id: model.id, connectionKey: `sim:${model.model}`, simulated: true, generate };
}

async function failWith(fault: SimFaultKind, signal: AbortSignal, timeScale: number): Promise<never> {
  switch (fault) {
    case 'rate_limit':
      throw new ProviderError('rate_limited', 'simulated 429: rate limit exceeded', { retryable: true, status: 429, retryAfterMs: simRetryAfterMs * timeScale });
    case 'server_error':
      throw new ProviderError('server_error', 'simulated 500: internal server error', { retryable: true, status: 500 });
    case 'malformed':
      throw new ProviderError('malformed_response', 'simulated malformed response body', { retryable: true, status: 200 });
    case 'connection_reset':
      throw new ProviderError('connection', 'simulated connection reset', { retryable: true });
    case 'truncated_stream':
      throw new ProviderError('connection', 'simulated stream cut short', { retryable: true });
    case 'timeout':
      // A stall: the call hangs until the per-attempt timeout (or the run) aborts it.
      if (signal.aborted) throw signal.reason as Error;
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
      throw new ProviderError('timeout', 'simulated stall', { retryable: true });
  }
}
