import type { Policy } from '../harness/core/policy-schema.ts';
import { defaultLearnerOptions, type LearnerOptions } from './fit/learner-options.ts';

/**
 * The learner options a policy was fitted with, read back from the file (objective, constraints
 * and `provenance.learner`), so that `baton evaluate-policy --policy FILE` cross-validates
 * exactly the learner that produced FILE. Parameters a file does not record keep their defaults.
 */
export function learnerFromPolicy(policy: Policy): LearnerOptions {
  const recorded = policy.provenance.learner;
  const number = (key: string, fallback: number) => (typeof recorded[key] === 'number' ? recorded[key] : fallback);
  const flag = (key: string, fallback: boolean) => (typeof recorded[key] === 'boolean' ? recorded[key] : fallback);
  const shrinkage = recorded.shrinkage;
  return {
    objective: policy.objective,
    maxP95Ms: policy.constraints.max_p95_ms,
    maxCostPer1kUsd: policy.constraints.max_cost_per_1k_usd,
    require: policy.constraints.require,
    shrinkage: typeof shrinkage === 'number' ? shrinkage : 'auto',
    promptBands: number('prompt_bands', defaultLearnerOptions.promptBands),
    scoreBands: number('score_bands', defaultLearnerOptions.scoreBands),
    scoreL2: number('score_l2', defaultLearnerOptions.scoreL2),
    minBandTasks: number('min_band_tasks', defaultLearnerOptions.minBandTasks),
    maxFallbacks: number('max_fallbacks', defaultLearnerOptions.maxFallbacks),
    cascades: flag('cascades', defaultLearnerOptions.cascades),
    classifier: flag('classifier', defaultLearnerOptions.classifier),
    seed: number('seed', defaultLearnerOptions.seed),
  };
}
