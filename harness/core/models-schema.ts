import { z } from 'zod';
import { PriceSchema } from './price-schema.ts';
import { SimSpecSchema } from './sim-spec.ts';

/** The provider kinds baton can call. */
export const ProviderKindSchema = z.enum(['openai', 'anthropic', 'google', 'openai-compatible', 'sim']);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

/** Client-side limits for one connection (provider account + model). */
export const LimitsSchema = z.strictObject({
  /** Requests per minute; unlimited when absent. */
  rpm: z.number().positive().optional(),
  /** Tokens (input + output) per minute; unlimited when absent. */
  tpm: z.number().positive().optional(),
  /** Calls in flight at once. Default 8. */
  concurrency: z.number().int().min(1).max(4096).default(8),
});
export type Limits = z.infer<typeof LimitsSchema>;

export const ModelConfigSchema = z.strictObject({
  /** Stable id used everywhere (store, reports, policies). */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'Expected an id of letters, digits, `.`, `_`, `:`, `/` or `-`'),
  provider: ProviderKindSchema,
  /** The provider's own model name. */
  model: z.string().min(1),
  /** API base URL; required for `openai-compatible`. Default: the SDK's (or its usual `*_BASE_URL` variable). */
  base_url: z.url().optional(),
  /** Environment variable holding the key, when not the SDK's usual one. Keys are never written in config. */
  api_key_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'Expected an environment variable name such as `OPENAI_API_KEY`').optional(),
  price: PriceSchema.optional(),
  limits: LimitsSchema.default({ concurrency: 8 }),
  /** Free-form facts for routing constraints, e.g. `{ locality: local, region: eu }`. */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Per-call timeout, ms. Default 60000. */
  timeout_ms: z.number().int().positive().default(60_000),
  /**
   * Stream the response (measures time to first token). Default true; turn off for servers that
   * report usage only on plain responses. No default is written, so existing configs hash the same.
   */
  stream: z.boolean().optional(),
  /** Required for `provider: sim`, refused otherwise. */
  sim: SimSpecSchema.optional(),
});
export type ModelConfig = z.infer<typeof ModelConfigSchema>;

/** How the harness retries retryable failures. */
export const RetrySchema = z.strictObject({
  /** Retries after the first try. Default 4. */
  max_retries: z.number().int().min(0).max(20).default(4),
  /** First backoff, ms; doubles each retry, with full jitter. Default 500. */
  base_delay_ms: z.number().nonnegative().default(500),
  /** Backoff ceiling, ms. Default 30000. */
  max_delay_ms: z.number().nonnegative().default(30_000),
  /**
   * How long an attempt may keep retrying 429s without spending `max_retries`, ms, counted from its
   * first 429; later 429s count as retries. Default 600000. No default is written, so existing
   * configs hash the same.
   */
  rate_limit_wait_ms: z.number().int().nonnegative().optional(),
});
export type RetryPolicy = z.infer<typeof RetrySchema>;

export const ConfigSchema = z.strictObject({
  models: z.array(ModelConfigSchema).min(1, 'A config needs at least one model'),
  retry: RetrySchema.default({ max_retries: 4, base_delay_ms: 500, max_delay_ms: 30_000 }),
  /** Seed for everything random in a run (sim answers, jitter). Default 1. */
  seed: z.number().int().nonnegative().default(1),
});
export type Config = z.infer<typeof ConfigSchema>;
