import { z } from 'zod';

/**
 * The evaluation file `baton evaluate-policy` writes next to the policy
 * (`results/policy.evaluation.json`): how the learner's policies do on tasks they were not fitted
 * on. Every figure is held-out: k-fold cross-validation over tasks.
 */

/** The version tag every evaluation file carries. */
export const policyEvaluationSchemaVersion = 'baton.policy-evaluation/v1';

/** Held-out quality (mean score of the routed answers) and cost per task in USD (`null` when unpriced). */
export const OutcomeSchema = z.strictObject({
  quality: z.number(),
  cost_per_task_usd: z.number().nullable(),
});

/**
 * One point of the held-out cost–quality curve of the utility objective: each fold's curve is
 * traced by sweeping λ and the folds are averaged at equal cost.
 */
export const CurvePointSchema = z.strictObject({
  cost_per_task_usd: z.number(),
  quality: z.number(),
});

/** A policy evaluation. */
export const PolicyEvaluationSchema = z.strictObject({
  schema: z.literal(policyEvaluationSchemaVersion),
  folds: z.number().int().min(2),
  seed: z.number().int(),
  tasks: z.number().int().nonnegative(),
  /** The policy fitted with the learner's parameters (see `learner`), held out. */
  policy: OutcomeSchema,
  /** The single model best on the training folds, held out. */
  best_single: OutcomeSchema.extend({ model: z.string() }),
  /** Per task, the eligible model that scored best (ties: the cheapest): an upper bound no router reaches. */
  oracle: OutcomeSchema,
  /** Each eligible model with equal probability (the expectation, not a draw). */
  random: OutcomeSchema,
  /** Every model alone on every task. */
  models: z.array(OutcomeSchema.extend({ model: z.string() })),
  /** (policy − best single) / (oracle − best single); `null` when the oracle is no better than the best single model. */
  gap_closed: z.number().nullable(),
  /** 1 − (cost at which the held-out curve reaches the best single model's quality) / (its cost); `null` when never reached or unpriced. */
  cost_saved_at_equal_quality: z.number().nullable(),
  /** Mean quality under the upper hull of the held-out curve over costs from 0 to the dearest model's; `null` when unpriced. */
  hull_area: z.number().nullable(),
  curve: z.array(CurvePointSchema),
  /** RouteLLM's metrics, for pools of exactly two models; cost is the share of calls to `strong`. */
  two_model: z
    .strictObject({
      strong: z.string(),
      weak: z.string(),
      strong_quality: z.number(),
      weak_quality: z.number(),
      /** Share of strong calls needed to recover 50 % of the quality gap (CPT(50 %)); `null` when never reached. */
      cpt50: z.number().nullable(),
      cpt80: z.number().nullable(),
      /** Average performance gap recovered over the curve. */
      apgr: z.number().nullable(),
      /** Held-out quality by share of calls to `strong` (escalations counted), averaged over folds at equal share. */
      curve: z.array(z.strictObject({ strong_share: z.number().min(0).max(1), quality: z.number() })),
    })
    .optional(),
  per_fold: z.array(OutcomeSchema.extend({ fold: z.number().int(), tasks: z.number().int() })),
  provenance: z.strictObject({
    runs: z.array(z.string()),
    learner: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    baton_version: z.string(),
    simulated: z.boolean(),
    created_at: z.string().optional(),
  }),
});

export type PolicyEvaluation = z.infer<typeof PolicyEvaluationSchema>;
export type PolicyOutcome = z.infer<typeof OutcomeSchema>;
