import { z } from 'zod';

const ModelIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'Expected a model id from the models config');

/**
 * `code`: JavaScript extracted from the completion (the last fenced block, else the whole text) runs
 * against the task's tests in a separate Node process: empty environment, fresh temp directory as cwd,
 * Node's permission model limiting file access to that directory, no child processes or workers.
 * Score = share of tests passed.
 */
export const CodeScorerSchema = z.strictObject({
  type: z.literal('code'),
  /** Task var holding the tests (a list of JS snippets using `assert`). Default `tests`; falls back to `expected` when it is a list. */
  tests_var: z.string().min(1).default('tests'),
  /** Wall-time limit for the whole test process, ms. Default 5000. */
  timeout_ms: z.number().int().min(100).max(600_000).default(5000),
  /** V8 heap limit (`--max-old-space-size`), MB. Default 128. */
  memory_mb: z.number().int().min(16).max(16_384).default(128),
  /** Bytes of the program's stdout/stderr kept for the explanation; the rest is discarded. Default 65536. */
  max_output_bytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(65_536),
}).meta({ id: 'CodeScorer' });

/** The judge's score scale, e.g. 1–5. */
export const JudgeScaleSchema = z
  .strictObject({
    min: z.number().int().default(1),
    max: z.number().int().default(5),
  })
  .refine((scale) => scale.max > scale.min, { message: 'Expected `max` to be greater than `min`' });

/**
 * `judge`: LLM-as-judge. Each judge model reads the question, the reference answer (if any), the
 * candidate's answer and the rubric, and replies with a JSON verdict `{"score": n, "reasoning": "..."}`.
 * Score = mean of the judges' scores mapped to [0, 1]. The judges' tokens and cost go to the
 * `judgments` table, never to the candidate's attempt.
 */
export const JudgeScorerSchema = z.strictObject({
  type: z.literal('judge'),
  /** Judge model ids from the models config; several give a panel whose agreement is reported. */
  judges: z.array(ModelIdSchema).min(1),
  /** What a good answer is; the judge scores against it. */
  rubric: z.string().min(1),
  /** Score scale. Default 1–5. */
  scale: JudgeScaleSchema.default({ min: 1, max: 5 }),
  /** Lowest panel score (on the scale) that passes. Default: three quarters of the way up, rounded up (4 on 1–5). */
  pass_at: z.number().optional(),
  /** Show the task's expected answer to the judge as a reference. Default true. */
  include_reference: z.boolean().default(true),
  /** Output budget of each judge call. Default 512. */
  max_tokens: z.number().int().positive().default(512),
}).meta({ id: 'JudgeScorer' });

/** `custom`: a JS/TS module (path relative to the suite file) exporting `(task, completion, options) => Score | number | boolean`. */
export const CustomScorerSchema = z.strictObject({
  type: z.literal('custom'),
  /** Path of the module, relative to the suite file. */
  module: z.string().min(1),
  /** Name of the exported function. Default `default`. */
  export: z.string().min(1).default('default'),
  /** Passed to the function as its third argument. Default `{}`. */
  options: z.record(z.string(), z.unknown()).default({}),
}).meta({ id: 'CustomScorer' });
