import type { LoadedConfig } from '../config/load-config.ts';
import type { Suite } from '../core/suite.ts';
import { estimateAttemptTokens, estimateCostUsd } from './estimate-attempt-cost.ts';

/** One model's share of a planned run, before anything is called. */
export interface ModelPlan {
  readonly modelId: string;
  readonly attempts: number;
  /** Estimated prompt tokens over all attempts. */
  readonly promptTokens: number;
  /** The output cap over all attempts (sum of `max_tokens`). */
  readonly maxOutputTokens: number;
  /** Cost if every answer were one token long (at the uncached input rate); `null` without a price. */
  readonly minCostUsd: number | null;
  /** Cost if every answer used all of `max_tokens`: what `--max-cost` reserves; `null` without a price. */
  readonly maxCostUsd: number | null;
}

/**
 * The plan of a run per model, from the suites and the priced config alone: `baton run --dry-run`.
 * Tokens are the same estimate `--max-cost` reserves with; real usage differs by tokenizer.
 */
export function estimatePlan(suites: readonly Suite[], config: LoadedConfig, repeatsOverride: number | undefined): ModelPlan[] {
  let attempts = 0;
  let promptTokens = 0;
  let maxOutputTokens = 0;
  for (const suite of suites) {
    const repeats = repeatsOverride ?? suite.repeats;
    for (const task of suite.tasks) {
      const tokens = estimateAttemptTokens(task, suite.generation.max_tokens);
      attempts += repeats;
      promptTokens += tokens.prompt * repeats;
      maxOutputTokens += tokens.maxOutput * repeats;
    }
  }
  return config.config.models.map((model) => ({
    modelId: model.id,
    attempts,
    promptTokens,
    maxOutputTokens,
    minCostUsd: model.price === undefined ? null : estimateCostUsd(model.price, promptTokens, attempts),
    maxCostUsd: model.price === undefined ? null : estimateCostUsd(model.price, promptTokens, maxOutputTokens),
  }));
}
