import type { z } from 'zod';
import type { NumericScorerSchema } from '../core/scorer-spec.ts';
import { extractFinalNumber } from './extract-final-number.ts';
import type { Scorer } from './scorer.ts';
import { expectedText } from './expected-text.ts';

/** `numeric`: passes when the completion's final number is within tolerance of the expected one. */
export function createNumericScorer(spec: z.infer<typeof NumericScorerSchema>): Scorer {
  return (task, completion) => {
    const expected = typeof task.expected === 'number' ? task.expected : extractFinalNumber(expectedText(task.expected));
    if (expected === undefined) return { value: 0, passed: false, extracted: null, explanation: 'the task has no numeric expected answer' };
    const got = extractFinalNumber(completion);
    if (got === undefined) return { value: 0, passed: false, extracted: null, explanation: 'no number found in the answer' };
    const tolerance = Math.max(spec.abs_tol, spec.rel_tol * Math.abs(expected));
    const passed = Math.abs(got - expected) <= tolerance;
    return {
      value: passed ? 1 : 0,
      passed,
      extracted: String(got),
      explanation: passed ? `${got} is within ${tolerance} of ${expected}` : `expected ${expected}, got ${got}`,
    };
  };
}
