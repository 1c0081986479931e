import type { LearnerOptions } from './fit/learner-options.ts';

/** The learner's version: bump when the same rows and parameters would give a different policy. */
export const learnerVersion = 'baton-learner/1';

/** Every learner parameter as a flat record, for the policy's provenance (and to refit from it). */
export function describeLearner(options: LearnerOptions): Record<string, string | number | boolean | null> {
  const { objective } = options;
  return {
    version: learnerVersion,
    objective: objective.type,
    delta: objective.type === 'min-cost' ? objective.delta : null,
    alpha: objective.type === 'min-cost' ? objective.alpha : null,
    min_n: objective.type === 'min-cost' ? objective.min_n : null,
    lambda: objective.type === 'utility' ? objective.lambda : null,
    mu: objective.type === 'utility' ? objective.mu : null,
    max_p95_ms: options.maxP95Ms,
    max_cost_per_1k_usd: options.maxCostPer1kUsd,
    require: options.require.map((rule) => rule.text).join(' ; '),
    shrinkage: options.shrinkage,
    prompt_bands: options.promptBands,
    score_bands: options.scoreBands,
    score_l2: options.scoreL2,
    min_band_tasks: options.minBandTasks,
    max_fallbacks: options.maxFallbacks,
    cascades: options.cascades,
    classifier: options.classifier,
    seed: options.seed,
  };
}
