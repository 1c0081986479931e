import { z } from 'zod';
import { ChoiceLettersSchema } from './answer-scorer-specs.ts';

/**
 * A suite's runtime check: a cheap verifier that needs no expected answer, run on every completion
 * and stored as `attempts.check_passed`, so that cascades ("escalate when the check fails") can be
 * evaluated offline from stored runs.
 */
export const CheckSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({
    /** The completion holds JSON (bare, fenced or in prose), valid against `schema` when given. */
    type: z.literal('json'),
    schema: z.record(z.string(), z.unknown()).optional(),
  }),
  z.strictObject({
    /** The completion matches the pattern. */
    type: z.literal('regex'),
    pattern: z.string().min(1),
    /** Default none. */
    flags: z.string().regex(/^[imsu]*$/, 'Expected flags among `i`, `m`, `s`, `u`').default(''),
  }).refine((spec) => compiles(spec.pattern, spec.flags), { message: 'Expected `pattern` to be a valid JavaScript regular expression', path: ['pattern'] }),
  z.strictObject({
    /** An option letter can be read from the completion. Options as for the `choice` scorer. */
    type: z.literal('choice'),
    choices: ChoiceLettersSchema.optional(),
    choices_var: z.string().min(1).default('choices'),
  }),
  z.strictObject({
    /** A final number can be read from the completion. */
    type: z.literal('numeric'),
  }),
  z.strictObject({
    /** The completion contains one (`any`) or each (`all`) of the values, case-insensitively. */
    type: z.literal('contains'),
    values: z.array(z.string().min(1)).min(1),
    mode: z.enum(['any', 'all']).default('any'),
  }),
  z.strictObject({
    /** The trimmed completion's length in characters lies within the bounds. */
    type: z.literal('length'),
    min: z.number().int().nonnegative().default(1),
    max: z.number().int().positive().optional(),
  }),
]);
function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

export type CheckSpec = z.infer<typeof CheckSpecSchema>;
