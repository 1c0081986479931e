import { z } from 'zod';
import {
  ChoiceScorerSchema,
  ContainsScorerSchema,
  ExactScorerSchema,
  JsonScorerSchema,
  NumericScorerSchema,
  RegexScorerSchema,
} from './answer-scorer-specs.ts';
import { CodeScorerSchema, CustomScorerSchema, JudgeScorerSchema } from './program-scorer-specs.ts';

export { NormalizerSchema, type Normalizer } from './answer-scorer-specs.ts';

/** Every scorer that can stand alone or inside a `weighted` composite. */
export const BaseScorerSpecSchema = z.discriminatedUnion('type', [
  ExactScorerSchema,
  ContainsScorerSchema,
  RegexScorerSchema,
  ChoiceScorerSchema,
  NumericScorerSchema,
  JsonScorerSchema,
  CodeScorerSchema,
  JudgeScorerSchema,
  CustomScorerSchema,
]).meta({ id: 'BaseScorer' });
export type BaseScorerSpec = z.infer<typeof BaseScorerSpecSchema>;

/**
 * `weighted`: a weighted mean of other scorers' values. Composites do not nest: weights already
 * multiply, so one level expresses every mix.
 */
export const WeightedScorerSchema = z.strictObject({
  type: z.literal('weighted'),
  scorers: z
    .array(
      z.strictObject({
        /** Relative weight (> 0). Default 1. */
        weight: z.number().positive().default(1),
        scorer: BaseScorerSpecSchema,
      }),
    )
    .min(1),
  /** Passes when the weighted value reaches this. Default: passes only when every part passes. */
  pass_threshold: z.number().min(0).max(1).optional(),
}).meta({ id: 'WeightedScorer' });

/** Every scorer a suite may name; the scorer map in `harness/scorers` must handle each `type`. */
// Named in the generated JSON Schema (`$defs`), so the union is written once, not at every use.
export const ScorerSpecSchema = z.discriminatedUnion('type', [...BaseScorerSpecSchema.options, WeightedScorerSchema]).meta({ id: 'Scorer' });
export type ScorerSpec = z.infer<typeof ScorerSpecSchema>;
export type ScorerType = ScorerSpec['type'];
/** The spec of one scorer type. */
export type ScorerSpecOf<Type extends ScorerType> = Extract<ScorerSpec, { type: Type }>;
