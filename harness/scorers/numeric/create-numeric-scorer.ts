import type { z } from 'zod';
import type { NumericScorerSchema } from '../../core/answer-scorer-specs.ts';
import { clipText } from '../clip-text.ts';
import { expectedText } from '../expected-text.ts';
import type { Scorer } from '../scorer.ts';
import { binaryScore, failedScore } from '../score-values.ts';
import { compareMathText } from './compare-math-text.ts';
import { extractFinalAnswer } from './extract-final-answer.ts';
import { readAnswerNumber } from './read-answer-number.ts';

/**
 * `numeric`: passes when the completion's final answer (`\boxed{}`, "answer is", else the last
 * number) is within tolerance of the expected number. A percentage also matches its fraction
 * (`12.5%` ≈ 0.125). When the expected answer is not a number (an interval, a set, an expression),
 * the final answer is compared as normalised LaTeX, item by item for lists and intervals.
 */
export function createNumericScorer(spec: z.infer<typeof NumericScorerSchema>): Scorer {
  const agree = (got: number, want: number) => Math.abs(got - want) <= Math.max(spec.abs_tol, spec.rel_tol * Math.abs(want));
  return (task, completion) => {
    const wantText = expectedText(task.expected).trim();
    if (wantText === '') return failedScore('the task has no expected answer');
    const want = typeof task.expected === 'number' ? { value: task.expected, percent: false } : readAnswerNumber(wantText, false);
    if (want === undefined) {
      const answer = extractFinalAnswer(completion, false);
      if (answer === undefined) return failedScore('no final answer found');
      const passed = compareMathText(answer.text, wantText, agree);
      return binaryScore(passed, answer.text, passed ? `"${clipText(answer.text)}" matches as math text` : `expected "${clipText(wantText)}", got "${clipText(answer.text)}"`);
    }
    const answer = extractFinalAnswer(completion);
    const got = answer === undefined ? undefined : readAnswerNumber(answer.text, true);
    if (answer === undefined || got === undefined) return failedScore('no number found in the answer');
    const passed = agree(got.value, want.value) || (got.percent && agree(got.value / 100, want.value));
    const tolerance = Math.max(spec.abs_tol, spec.rel_tol * Math.abs(want.value));
    return binaryScore(
      passed,
      String(got.value),
      passed ? `${got.value} (${answer.source}) is within ${tolerance} of ${want.value}` : `expected ${want.value}, got ${got.value}`,
    );
  };
}
