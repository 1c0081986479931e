import type { z } from 'zod';
import type { ChoiceScorerSchema } from '../../core/answer-scorer-specs.ts';
import type { Scorer } from '../scorer.ts';
import { binaryScore, failedScore } from '../score-values.ts';
import { expectedLetter, resolveChoiceOptions } from './choice-options.ts';
import { extractChoice } from './extract-choice.ts';

/** `choice`: passes when the option letter picked in the completion is the expected one. */
export function createChoiceScorer(spec: z.infer<typeof ChoiceScorerSchema>): Scorer {
  return (task, completion) => {
    const options = resolveChoiceOptions(spec.choices, task.vars[spec.choices_var]);
    const want = expectedLetter(task.expected, options);
    if (want === undefined) return failedScore(`the expected answer is not one of the options ${options.letters.join(', ')}`);
    const got = extractChoice(completion, options);
    if (got === undefined) return failedScore(`no option letter (${options.letters.join(', ')}) found in the answer`);
    const passed = got.letter === want;
    return binaryScore(passed, got.letter, passed ? `picked ${want} (${got.how})` : `expected ${want}, picked ${got.letter} (${got.how})`);
  };
}
