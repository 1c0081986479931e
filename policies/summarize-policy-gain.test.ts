import { describe, expect, it } from 'vitest';
import type { PolicyEvaluation } from '../harness/core/policy-evaluation-schema.ts';
import type { Policy } from '../harness/core/policy-schema.ts';
import { describeLearner } from './describe-learner.ts';
import { defaultLearnerOptions, type LearnerOptions } from './fit/learner-options.ts';
import { parseRequireRule } from './fit/parse-require-rule.ts';
import { learnerFromPolicy } from './learner-from-policy.ts';
import { summarizePolicyGain } from './summarize-policy-gain.ts';

const options: LearnerOptions = { ...defaultLearnerOptions, objective: { type: 'min-cost', delta: 0.02, alpha: 0.1, min_n: 40 }, maxP95Ms: 900, require: [parseRequireRule('tag:pii => locality:local')], shrinkage: 25, promptBands: 3, cascades: false, seed: 4 };
const route = { model: 'a', fallbacks: [], expected: { quality: { estimate: 0.9, low: 0.8, high: 0.95 }, cost_per_task_usd: 0.002, p95_latency_ms: null, error_rate: 0, n: 10 }, share: 1, reason: 'r' };
const policy: Policy = {
  schema: 'baton.policy/v1',
  objective: options.objective,
  constraints: { max_p95_ms: options.maxP95Ms, max_cost_per_1k_usd: options.maxCostPer1kUsd, require: [...options.require] },
  models: [{ id: 'a', provider: 'openai', model: 'a', price: null, attributes: {}, simulated: true }],
  routes: [],
  default: route,
  summary: { tasks: 10, quality: 0.88, cost_per_task_usd: 0.002, best_single: { model: 'big', quality: 0.9, cost_per_task_usd: 0.01 } },
  provenance: { runs: ['r'], suites: [], price_snapshot: {}, learner: describeLearner(options), baton_version: '0.1.0', simulated: true },
};

describe('policy files read back', () => {
  it('summarises the policy against the best single model, in-sample and held out', () => {
    expect(summarizePolicyGain(policy)).toEqual({ simulated: true, bestSingleModel: 'big', fitted: { policy: { quality: 0.88, costPerTaskUsd: 0.002 }, bestSingle: { quality: 0.9, costPerTaskUsd: 0.01 }, qualityDelta: expect.closeTo(-0.02, 12) as number, costSaving: 0.8 } });
    const outcome = (quality: number, cost: number | null) => ({ quality, cost_per_task_usd: cost });
    const evaluation = {
      policy: outcome(0.85, 0.004), best_single: { model: 'big', ...outcome(0.9, 0.01) }, oracle: outcome(0.97, 0.001), random: outcome(0.7, 0.005),
      gap_closed: -0.7, cost_saved_at_equal_quality: null, hull_area: 0.8, provenance: { simulated: true },
      two_model: { strong: 'big', weak: 'a', cpt50: 0.3, cpt80: 0.6, apgr: 0.7 },
    } as unknown as PolicyEvaluation;
    expect(summarizePolicyGain(policy, evaluation).heldOut).toMatchObject({ qualityDelta: expect.closeTo(-0.05, 12) as number, costSaving: 0.6, gapClosed: -0.7, oracle: { quality: 0.97 }, twoModel: { cpt50: 0.3, apgr: 0.7 } });
  });

  it('recovers the learner options a policy was fitted with', () => {
    expect(learnerFromPolicy(policy)).toEqual(options);
  });
});
