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

/** What the prompt cache did with the repeated prefix on one call. */
export interface SimCacheOutcome {
  /** Prefix tokens served from the cache (a hit). */
  readonly hit: number;
  /** Prefix tokens the cache could hold but did not (a miss): a cache write where the API bills one. */
  readonly missed: number;
}

/** The prompt cache on this call: the whole prefix hits or misses; prefixes below the minimum are never cached. */
export function simCache(spec: SimSpec, modelId: string, attemptSeed: number, prefixTokens: number): SimCacheOutcome {
  if (spec.cache.hit_rate === 0 || prefixTokens === 0 || prefixTokens < spec.cache.min_tokens) return { hit: 0, missed: 0 };
  const hit = hashUnit('cache', modelId, attemptSeed) < spec.cache.hit_rate;
  return hit ? { hit: prefixTokens, missed: 0 } : { hit: 0, missed: prefixTokens };
}

/** A fault the simulator can inject; see `SimSpec.faults`. */
export type SimFaultKind = keyof SimSpec['faults'];
export type SimFault = SimFaultKind | undefined;

// Appended faults come last so that configs written before them draw exactly the same faults.
const faultOrder = ['rate_limit', 'server_error', 'timeout', 'malformed', 'connection_reset', 'truncated_stream'] as const satisfies readonly SimFaultKind[];

/** Which fault, if any, strikes this call. `callIndex` varies across retries of one attempt. */
export function simFault(spec: SimSpec, modelId: string, attemptSeed: number, callIndex: number): SimFault {
  let draw = hashUnit('fault', modelId, attemptSeed, callIndex);
  for (const fault of faultOrder) {
    const rate = spec.faults[fault];
    if (draw < rate) return fault;
    draw -= rate;
  }
  return undefined;
}
