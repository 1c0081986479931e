import { z } from 'zod';

const probability = z.number().min(0).max(1);

/** Behaviour of a simulated model: what it knows, how fast it is, how often it fails. */
export const SimSpecSchema = z.strictObject({
  /** Probability of a correct answer per category; `default` covers categories not listed. */
  skill: z.record(z.string(), probability).refine((skill) => 'default' in skill, {
    message: 'Expected a `default` entry in `skill`',
  }),
  latency: z
    .strictObject({
      /** Median time to first token, ms. */
      ttft_ms: z.number().nonnegative().default(300),
      /** Output speed after the first token. */
      tokens_per_s: z.number().positive().default(80),
      /** Log-normal spread of both (0 = constant). */
      jitter: z.number().min(0).max(2).default(0.25),
    })
    .default({ ttft_ms: 300, tokens_per_s: 80, jitter: 0.25 }),
  /** Multiplies the length of the model's answers (and so its output tokens). Default 1. */
  verbosity: z.number().positive().max(20).default(1),
  /** Hidden reasoning tokens per answer, billed as output. Default 0. */
  reasoning_tokens: z.number().int().nonnegative().default(0),
  /**
   * Prompt caching of the repeated prefix (the system prompt). A hit is drawn per attempt rather
   * than tracked by arrival order, so usage stays deterministic whatever the scheduling.
   */
  cache: z
    .strictObject({
      /** Share of calls whose prefix is served from the cache. Default 0 (no caching). */
      hit_rate: probability.default(0),
      /** Shortest prefix, in tokens, the cache holds (real providers: about 1024). Default 1024. */
      min_tokens: z.number().int().nonnegative().default(1024),
    })
    .default({ hit_rate: 0, min_tokens: 1024 }),
  /** Fault rates per call. */
  faults: z
    .strictObject({
      /** A 429 with Retry-After. */
      rate_limit: probability.default(0),
      /** A 5xx. */
      server_error: probability.default(0),
      /** A stall past the client's timeout. */
      timeout: probability.default(0),
      /** A body that is not valid JSON. */
      malformed: probability.default(0),
      /** The connection is reset before any response (over HTTP; in process: a connection error). */
      connection_reset: probability.default(0),
      /** The response stops half-way and the connection drops. */
      truncated_stream: probability.default(0),
    })
    .default({ rate_limit: 0, server_error: 0, timeout: 0, malformed: 0, connection_reset: 0, truncated_stream: 0 }),
});
export type SimSpec = z.infer<typeof SimSpecSchema>;
