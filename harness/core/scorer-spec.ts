import { z } from 'zod';

/** Text normalisers applied (in order) before an exact comparison. */
export const NormalizerSchema = z.enum(['trim', 'lowercase', 'collapse_whitespace', 'strip_punctuation']);
export type Normalizer = z.infer<typeof NormalizerSchema>;

/** `exact`: the normalised completion equals the normalised expected answer. */
export const ExactScorerSchema = z.strictObject({
  type: z.literal('exact'),
  /** Normalisers applied to both sides. Default: `[trim]`. */
  normalize: z.array(NormalizerSchema).default(['trim']),
});

/** `numeric`: the final number in the completion is within tolerance of the expected number. */
export const NumericScorerSchema = z.strictObject({
  type: z.literal('numeric'),
  /** Absolute tolerance. Default 1e-6. */
  abs_tol: z.number().nonnegative().default(1e-6),
  /** Relative tolerance (fraction of |expected|). Default 0. */
  rel_tol: z.number().nonnegative().default(0),
});

/** Every scorer a suite may name; the scorer map in `harness/scorers` must handle each `type`. */
export const ScorerSpecSchema = z.discriminatedUnion('type', [ExactScorerSchema, NumericScorerSchema]);
export type ScorerSpec = z.infer<typeof ScorerSpecSchema>;
export type ScorerType = ScorerSpec['type'];
