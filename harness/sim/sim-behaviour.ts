import type { SimSpec } from '../core/sim-spec.ts';
import { hashUnit } from './hash-random.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import type { SimKnowledge } from './sim-oracle.ts';

/** How strongly a task's difficulty is shared across models (0 = independent models). */
const difficultyCorrelation = 0.5;

/**
 * Whether the model answers correctly. A Gaussian copula gives each model exactly its declared
 * skill per category while hard tasks are hard for every model, as with real models.
 */
export function isCorrect(spec: SimSpec, modelId: string, knowledge: SimKnowledge, attemptSeed: number): boolean {
  const skill = spec.skill[knowledge.category] ?? spec.skill.default ?? 0.5;
  const difficulty = normalQuantile(hashUnit('difficulty', knowledge.suiteId, knowledge.taskId));
  const luck = normalQuantile(hashUnit('luck', modelId, attemptSeed, knowledge.suiteId, knowledge.taskId));
  const latent = Math.sqrt(difficultyCorrelation) * difficulty + Math.sqrt(1 - difficultyCorrelation) * luck;
  return normalCdf(latent) < skill;
}

/** Simulated timing of one call, in ms of simulated time. */
export interface SimTiming {
  readonly ttftMs: number;
  readonly totalMs: number;
}

/** Log-normal time to first token and output speed, from the spec and the attempt's draws. */
export function simTiming(spec: SimSpec, modelId: string, attemptSeed: number, outputTokens: number): SimTiming {
  const { ttft_ms: ttft, tokens_per_s: speed, jitter } = spec.latency;
  const ttftMs = ttft * Math.exp(jitter * normalQuantile(hashUnit('ttft', modelId, attemptSeed)));
  const tokensPerSecond = speed * Math.exp(0.5 * jitter * normalQuantile(hashUnit('speed', modelId, attemptSeed)));
  return { ttftMs, totalMs: ttftMs + (outputTokens / tokensPerSecond) * 1000 };
}

/** Hidden reasoning tokens for this call (0 for models without reasoning). */
export function simReasoningTokens(spec: SimSpec, modelId: string, attemptSeed: number): number {
  if (spec.reasoning_tokens === 0) return 0;
  return Math.round(spec.reasoning_tokens * Math.exp(0.4 * normalQuantile(hashUnit('reasoning', modelId, attemptSeed))));
}

export type SimFault = 'rate_limit' | 'server_error' | 'timeout' | 'malformed' | undefined;

/** Which fault, if any, strikes this call. `callIndex` varies across retries of one attempt. */
export function simFault(spec: SimSpec, modelId: string, attemptSeed: number, callIndex: number): SimFault {
  let draw = hashUnit('fault', modelId, attemptSeed, callIndex);
  for (const fault of ['rate_limit', 'server_error', 'timeout', 'malformed'] as const) {
    const rate = spec.faults[fault];
    if (draw < rate) return fault;
    draw -= rate;
  }
  return undefined;
}
