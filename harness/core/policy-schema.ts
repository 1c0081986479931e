import { z } from 'zod';
import { KeywordClassifierSchema } from './keyword-classifier-schema.ts';
import { PromptScorerSchema } from './prompt-scorer-schema.ts';
import { ConstraintsSchema, ObjectiveSchema } from './policy-objective-schema.ts';
import { PolicyIntervalSchema } from './policy-interval-schema.ts';

/**
 * The routing policy file: the contract other routers import (see DESIGN.md, "The policy file").
 * Only additive, optional changes keep the version; anything else bumps `schema`.
 * It and the schema files it imports use nothing but zod, so the reference router (`baton/router`) can.
 */

/** The version tag every policy file carries. */
export const policySchemaVersion = 'baton.policy/v1';

/** What a route is expected to deliver, measured on the tasks it was fitted on. */
export const ExpectedOutcomeSchema = z.strictObject({
  /** Mean score in [0, 1] on answered attempts, with a 95 % interval (Wilson for pass/fail, bootstrap otherwise). */
  quality: PolicyIntervalSchema,
  /** Mean cost of one task in USD, both calls counted for an escalated cascade; `null` when unpriced. */
  cost_per_task_usd: z.number().nonnegative().nullable(),
  /** 95th percentile of latency in ms; `null` when no latency was recorded. */
  p95_latency_ms: z.number().nonnegative().nullable(),
  /** Share of attempts that ended in an error or timeout (never counted as wrong answers). */
  error_rate: z.number().min(0).max(1),
  /** Tasks measured. */
  n: z.number().int().nonnegative(),
});

/** Which requests a route serves. Every condition given must hold; an empty match is refused. */
export const RouteMatchSchema = z
  .strictObject({
    /** The task category (the suite's routing key). */
    category: z.string().min(1).optional(),
    /** Tags the request must all carry (it may carry more). */
    tags: z.array(z.string().min(1)).min(1).optional(),
    /**
     * A band of prompt length in Unicode code points, `min` inclusive, `max` exclusive. A route with
     * a band never matches a request without a prompt: the band-free route of the category does.
     */
    prompt_chars: z
      .strictObject({ min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional() })
      .optional(),
    /**
     * A band of the policy's prompt score (`prompt_scorer`), `min` inclusive, `max` exclusive. It
     * never matches a request without a prompt; for one with a prompt it takes precedence over a
     * category route (the score already weighs the category).
     */
    prompt_score: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  })
  .refine((match) => match.category !== undefined || match.tags !== undefined || match.prompt_score !== undefined, { message: 'Expected `category`, `tags` or `prompt_score` in a route match' });

/** Call `model` first; when the suite's runtime check fails on its answer, call `escalate_to`. */
export const CascadeSchema = z.strictObject({
  escalate_to: z.string().min(1),
  /** The only trigger so far: the suite's runtime check failed on the first answer. */
  when: z.literal('check_failed'),
});

const routeFields = {
  /** Model id (see `models`) to call first. */
  model: z.string().min(1).describe('Model id to call first'),
  /** Model ids to try in order when the call fails (error or timeout), never the route's own model. */
  fallbacks: z.array(z.string().min(1)).describe('Model ids to try in order when a call fails (error or timeout)'),
  cascade: CascadeSchema.optional().describe('Call `escalate_to` when the suite\'s runtime check fails on the first answer'),
  expected: ExpectedOutcomeSchema.describe('Measured on the fitted tasks: quality with 95 % interval, cost per task (USD), p95 latency (ms), error rate, n'),
  /** Share of the fitted tasks this route served (0 for routes no fitted task reached). */
  share: z.number().min(0).max(1).describe('Share of the fitted tasks this route served'),
  /** Why this model: the objective's verdict in words, with the evidence. */
  reason: z.string().min(1).describe('Why this model, with the evidence'),
};

/** One row of the routing table. */
export const RouteSchema = z.strictObject({ match: RouteMatchSchema, ...routeFields });

/** The route for requests no other route matches. */
export const DefaultRouteSchema = z.strictObject(routeFields);

/** A model a route may name, as it was configured for the runs. */
export const PolicyModelSchema = z.strictObject({
  id: z.string().min(1),
  provider: z.string().min(1),
  /** The provider's own model name. */
  model: z.string().min(1),
  /** USD per 1M tokens by kind (`input`, `output`, `cached_input`, ...); `null` when unpriced. */
  price: z.record(z.string(), z.number().nonnegative()).nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  simulated: z.boolean(),
});

/** The policy against the best single model on the fitted tasks (in-sample; see the evaluation file for held-out figures). */
export const PolicySummarySchema = z.strictObject({
  tasks: z.number().int().nonnegative(),
  quality: z.number(),
  cost_per_task_usd: z.number().nullable(),
  best_single: z.strictObject({ model: z.string(), quality: z.number(), cost_per_task_usd: z.number().nullable() }),
});

/** Where the policy came from. */
export const ProvenanceSchema = z.strictObject({
  runs: z.array(z.string()).min(1),
  suites: z.array(z.strictObject({ id: z.string(), version: z.string(), hash: z.string() })),
  /** Prices of the runs, per model id (the last run's where runs differ). */
  price_snapshot: z.record(z.string(), z.record(z.string(), z.number()).nullable()),
  /** Every learner parameter, so that the same rows and parameters reproduce the same file. */
  learner: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  baton_version: z.string(),
  /** True when any model of any run was simulated: the policy describes fictional models. */
  simulated: z.boolean(),
  /** ISO 8601 time of the fit; absent when fitted with `--no-timestamp`. */
  created_at: z.string().optional(),
});

// The descriptions below are for the published JSON Schema (`policies/policy.schema.json`), read by other routers' authors.
/** A baton routing policy. */
export const PolicySchema = z
  .strictObject({
    schema: z.literal(policySchemaVersion).describe('Format version; additive optional fields keep it, anything else bumps it'),
    objective: ObjectiveSchema.describe('How the learner chose a model per route'),
    constraints: ConstraintsSchema.describe('Hard constraints every route obeys; routers enforce `require` on every request'),
    models: z.array(PolicyModelSchema).min(1).describe('Every model a route may name: provider, provider model name, price (USD per 1M tokens), attributes'),
    /** Most specific match wins: most tags, then a prompt-score band, then a category, then a prompt-length band. */
    routes: z.array(RouteSchema).describe('The routing table; the most specific matching route wins (most tags, then a prompt-score band, then a category, then a prompt-length band)'),
    default: DefaultRouteSchema.describe('The route for requests no route matches'),
    classifier: KeywordClassifierSchema.optional().describe('Keyword rules mapping a raw prompt to a category, with held-out accuracy'),
    prompt_scorer: PromptScorerSchema.optional().describe('A linear score of a raw prompt (the strong model\'s expected gain over the weak one) that `prompt_score` route bands act on'),
    summary: PolicySummarySchema.describe('The policy against the best single model on the fitted tasks (in-sample)'),
    provenance: ProvenanceSchema.describe('Runs, suites, prices and learner parameters the policy came from'),
  })
  .describe('A baton routing policy: category/tags → model, fallbacks, cascade and evidence');

export type Policy = z.infer<typeof PolicySchema>;
export type Route = z.infer<typeof RouteSchema>;
export type DefaultRoute = z.infer<typeof DefaultRouteSchema>;
export type RouteMatch = z.infer<typeof RouteMatchSchema>;
export type ExpectedOutcome = z.infer<typeof ExpectedOutcomeSchema>;
export type PolicyModel = z.infer<typeof PolicyModelSchema>;
export type { KeywordClassifier } from './keyword-classifier-schema.ts';
export type { PromptScorer } from './prompt-scorer-schema.ts';
export type { Constraints, Objective, RequireRule } from './policy-objective-schema.ts';
export type { PolicyInterval } from './policy-interval-schema.ts';
export { ObjectiveSchema, ConstraintsSchema, RequireRuleSchema } from './policy-objective-schema.ts';
export { KeywordClassifierSchema } from './keyword-classifier-schema.ts';
export { PromptScorerSchema } from './prompt-scorer-schema.ts';
export { PolicyIntervalSchema } from './policy-interval-schema.ts';
