import { z } from 'zod';

/** What a policy optimises and the hard constraints it obeys: the learner's parameters that shape every route. */

/** How the learner chose among eligible models. */
export const ObjectiveSchema = z.discriminatedUnion('type', [
  /** The best model per route; ties broken by cost. */
  z.strictObject({ type: z.literal('max-quality') }),
  /** The cheapest model not significantly worse than the route's best by more than `delta`. */
  z.strictObject({
    type: z.literal('min-cost'),
    /** Non-inferiority margin, in quality units (0.02 = 2 points). */
    delta: z.number().min(0).max(1),
    /** One-sided significance level of the paired non-inferiority test. */
    alpha: z.number().gt(0).lt(1),
    /** Fewest shared tasks for the test; below it the best model is kept. */
    min_n: z.number().int().min(1),
  }),
  /** Maximise quality − lambda·cost_per_task_usd − mu·p95_latency_ms. */
  z.strictObject({ type: z.literal('utility'), lambda: z.number().min(0), mu: z.number().min(0) }),
]);

/** An eligibility rule: requests matching `when` (all requests when absent) go only to models whose `attribute` is one of `values`. */
export const RequireRuleSchema = z.strictObject({
  /** The rule as the user wrote it, e.g. `tag:pii => locality:local`. */
  text: z.string().min(1),
  when: z.union([z.strictObject({ tag: z.string().min(1) }), z.strictObject({ category: z.string().min(1) })]).optional(),
  /** A model attribute, or `id` / `provider` / `model`. */
  attribute: z.string().min(1),
  values: z.array(z.string()).min(1),
});

/** Hard constraints every route obeys. */
export const ConstraintsSchema = z.strictObject({
  /** Ceiling on a route's p95 latency, ms. */
  max_p95_ms: z.number().positive().nullable(),
  /** Ceiling on a route's cost per 1000 tasks, USD. */
  max_cost_per_1k_usd: z.number().nonnegative().nullable(),
  require: z.array(RequireRuleSchema),
});

export type Objective = z.infer<typeof ObjectiveSchema>;
export type RequireRule = z.infer<typeof RequireRuleSchema>;
export type Constraints = z.infer<typeof ConstraintsSchema>;
