import { z } from 'zod';

/**
 * The policy frontier `baton fit --objective utility --sweep` writes next to the policy
 * (`results/policy.frontier.json`, with a vega-lite chart in `policy.frontier.vl.json`): the
 * policies the utility objective picks as λ (the price of a dollar per task in quality) varies,
 * measured on the fitted tasks.
 */

/** The version tag every frontier file carries. */
export const policyFrontierSchemaVersion = 'baton.policy-frontier/v1';

/** A policy on the frontier. */
export const FrontierPointSchema = z.strictObject({
  /** The λ this policy is chosen at (a representative value inside its range). */
  lambda: z.number().nonnegative(),
  quality: z.number(),
  cost_per_task_usd: z.number(),
  /** Category → model (or `first→escalate_to` for a cascade); prompt-score bands by route key (`score:0.1-0.3`). */
  routes: z.record(z.string(), z.string()),
});

/** A policy frontier. */
export const PolicyFrontierSchema = z.strictObject({
  schema: z.literal(policyFrontierSchemaVersion),
  /** The latency weight μ held fixed during the sweep. */
  mu: z.number().nonnegative(),
  /** Cheapest first. */
  points: z.array(FrontierPointSchema),
  /** Each single model on all tasks, for reference. */
  models: z.array(z.strictObject({ model: z.string(), quality: z.number(), cost_per_task_usd: z.number().nullable() })),
  simulated: z.boolean(),
});

export type PolicyFrontier = z.infer<typeof PolicyFrontierSchema>;
