import type { z } from 'zod';
import type { ExactScorerSchema } from '../../core/answer-scorer-specs.ts';
import { clipText } from '../clip-text.ts';
import { expectedText } from '../expected-text.ts';
import type { Scorer } from '../scorer.ts';
import { binaryScore } from '../score-values.ts';
import { normalizeText } from './normalize-text.ts';

/** `exact`: passes when the normalised completion equals the normalised expected answer. */
export function createExactScorer(spec: z.infer<typeof ExactScorerSchema>): Scorer {
  return (task, completion) => {
    const got = normalizeText(completion, spec.normalize);
    const want = normalizeText(expectedText(task.expected), spec.normalize);
    const passed = got === want;
    return binaryScore(passed, got, passed ? 'matches the expected answer' : `expected "${clipText(want)}", got "${clipText(got)}"`);
  };
}
