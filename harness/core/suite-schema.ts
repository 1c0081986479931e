import { z } from 'zod';
import { CheckSpecSchema } from './check-spec.ts';
import { ScorerSpecSchema } from './scorer-spec.ts';

const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Expected an id of letters, digits, `.`, `_` or `-`, starting with a letter or digit');

/** Generation parameters sent to every model (a model may not honour all; it says so in warnings). */
export const GenerationSchema = z.strictObject({
  /** Upper bound on output tokens. Default 512. */
  max_tokens: z.number().int().positive().default(512),
  /** Sampling temperature. Default 0. */
  temperature: z.number().min(0).max(2).default(0),
  /** Nucleus sampling, when set. */
  top_p: z.number().gt(0).max(1).optional(),
  /** Stop sequences, when set. */
  stop: z.array(z.string()).max(4).optional(),
});
export type Generation = z.infer<typeof GenerationSchema>;

/** Defaults that apply to every task of the suite unless the task overrides them. */
export const SuiteDefaultsSchema = z.strictObject({
  /** Scorer for tasks that do not name one. Default `exact` with `trim`. */
  scorer: ScorerSpecSchema.default({ type: 'exact', normalize: ['trim'] }),
  generation: GenerationSchema.default({ max_tokens: 512, temperature: 0 }),
  /** Independent samples per (task, model). Default 1. */
  repeats: z.number().int().min(1).max(100).default(1),
  /** Category for tasks that do not name one. */
  category: IdSchema.optional(),
});

/** A task written inline in the suite, or one line of a bulk task file. */
export const TaskSchema = z.strictObject({
  /** Unique within the suite. */
  id: IdSchema,
  /** The routing key: policies choose a model per category. */
  category: IdSchema.optional(),
  /** Free labels; routing constraints may use them (e.g. `pii`). */
  tags: z.array(IdSchema).default([]),
  /** Values for the `{{var}}` placeholders of the prompt and system templates. */
  vars: z.record(z.string(), z.unknown()).default({}),
  /** The reference answer the scorer compares with. */
  expected: z.unknown().optional(),
  /** Overrides the suite's default scorer for this task. */
  scorer: ScorerSpecSchema.optional(),
});
export type TaskInput = z.infer<typeof TaskSchema>;

/** Tasks loaded in bulk from a JSONL or CSV file, path relative to the suite file. */
export const TaskFileSchema = z.strictObject({
  file: z.string().min(1),
  /** Inferred from the extension when absent. */
  format: z.enum(['jsonl', 'csv']).optional(),
});

export const SuiteSchema = z.strictObject({
  /** The suite id, unique among the suites of a run. */
  suite: IdSchema,
  /** Bumped by the author when tasks or prompts change meaning. */
  version: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  description: z.string().default(''),
  /** Optional system prompt template. */
  system: z.string().min(1).optional(),
  /** The user prompt template; `{{var}}` is replaced from the task's vars. */
  prompt: z.string().min(1),
  defaults: SuiteDefaultsSchema.default({
    scorer: { type: 'exact', normalize: ['trim'] },
    generation: { max_tokens: 512, temperature: 0 },
    repeats: 1,
  }),
  /** A cheap verifier run on every completion (no expected answer needed), stored as `check_passed`. Default: none. */
  check: CheckSpecSchema.optional(),
  tasks: z.array(z.union([TaskSchema, TaskFileSchema])).min(1, 'A suite needs at least one task'),
});
export type SuiteInput = z.infer<typeof SuiteSchema>;
