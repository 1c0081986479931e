import { z } from 'zod';

/** Text normalisers applied (in order) before a comparison. */
export const NormalizerSchema = z.enum(['trim', 'lowercase', 'collapse_whitespace', 'strip_punctuation']);
export type Normalizer = z.infer<typeof NormalizerSchema>;

// Scorer schemas carry an `id`: the generated JSON Schema then defines each once in `$defs`.

const compiles = (flags: string) => (pattern: string) => {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
};

/** `exact`: the normalised completion equals the normalised expected answer. */
export const ExactScorerSchema = z.strictObject({
  type: z.literal('exact'),
  /** Normalisers applied to both sides. Default: `[trim]`. */
  normalize: z.array(NormalizerSchema).default(['trim']),
}).meta({ id: 'ExactScorer' });

/** `contains`: the completion contains the expected text(s); partial credit for `all`. */
export const ContainsScorerSchema = z.strictObject({
  type: z.literal('contains'),
  /** Texts to look for. Default: the task's `expected` (a string, or a list of strings). */
  values: z.array(z.string().min(1)).min(1).optional(),
  /** `any`: one is enough; `all`: every one must appear (score = share found). Default `any`. */
  mode: z.enum(['any', 'all']).default('any'),
  /** Normalisers applied to both sides. Default: `[lowercase, collapse_whitespace]`. */
  normalize: z.array(NormalizerSchema).default(['lowercase', 'collapse_whitespace']),
  /** Only count matches standing as whole words (so `no` is not found in `not`). Default false. */
  whole_words: z.boolean().default(false),
}).meta({ id: 'ContainsScorer' });

/** `regex`: a pattern's capture, compared to the expected answer (or, with no expected answer, whether it matches). */
export const RegexScorerSchema = z
  .strictObject({
    type: z.literal('regex'),
    /** A JavaScript regular expression. */
    pattern: z.string().min(1),
    /** Regular-expression flags (`i`, `m`, `s`, `u`). Default none. */
    flags: z.string().regex(/^[imsu]*$/, 'Expected flags among `i`, `m`, `s`, `u`').default(''),
    /** Which capture group holds the answer: index or name. Default 1 when the pattern has a group, else the whole match. */
    group: z.union([z.number().int().nonnegative(), z.string().min(1)]).optional(),
    /** Which match counts when there are several. Default `last` (models restate the answer at the end). */
    match: z.enum(['first', 'last']).default('last'),
    /** Normalisers applied to the capture and the expected answer. Default: `[trim]`. */
    normalize: z.array(NormalizerSchema).default(['trim']),
  })
  .refine((spec) => compiles(spec.flags)(spec.pattern), { message: 'Expected `pattern` to be a valid JavaScript regular expression', path: ['pattern'] })
  .meta({ id: 'RegexScorer' });

/** Option letters of a multiple-choice question. */
export const ChoiceLettersSchema = z.array(z.string().regex(/^[A-Za-z]$/, 'Expected a single letter')).min(2);

/** `choice`: the option letter picked in free text ("Answer: C", "(C)", "the answer is C", a final "C"). */
export const ChoiceScorerSchema = z.strictObject({
  type: z.literal('choice'),
  /** The option letters. Default: from the task var named by `choices_var`, else A–D. */
  choices: ChoiceLettersSchema.optional(),
  /** Task var listing the options: letters, option texts (lettered A, B, ... in order) or a letter → text map. Default `choices`. */
  choices_var: z.string().min(1).default('choices'),
}).meta({ id: 'ChoiceScorer' });

/** `numeric`: the final number of the completion is within tolerance of the expected number. */
export const NumericScorerSchema = z.strictObject({
  type: z.literal('numeric'),
  /** Absolute tolerance. Default 1e-6. */
  abs_tol: z.number().nonnegative().default(1e-6),
  /** Relative tolerance (fraction of |expected|). Default 0. */
  rel_tol: z.number().nonnegative().default(0),
}).meta({ id: 'NumericScorer' });

/** `json`: the completion holds JSON (bare, fenced or inside prose), optionally valid against a schema and equal to the expected fields. */
export const JsonScorerSchema = z.strictObject({
  type: z.literal('json'),
  /** A JSON Schema (draft 2020-12 or 07) the value must satisfy. Default: none. */
  schema: z.record(z.string(), z.unknown()).optional(),
  /** Dotted paths compared with the expected object. Default: every leaf of `expected`. */
  fields: z.array(z.string().min(1)).min(1).optional(),
  /** Share of fields that must match to pass. Default 1. */
  pass_threshold: z.number().min(0).max(1).default(1),
  /** Normalisers applied to string fields before comparing. Default: `[trim]`. */
  normalize: z.array(NormalizerSchema).default(['trim']),
  /** Absolute tolerance for number fields. Default 1e-6. */
  abs_tol: z.number().nonnegative().default(1e-6),
}).meta({ id: 'JsonScorer' });
