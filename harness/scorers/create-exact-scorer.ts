import type { z } from 'zod';
import type { ExactScorerSchema } from '../core/scorer-spec.ts';
import { normalizeText } from './normalize-text.ts';
import type { Scorer } from './scorer.ts';
import { expectedText } from './expected-text.ts';

/** `exact`: passes when the normalised completion equals the normalised expected answer. */
export function createExactScorer(spec: z.infer<typeof ExactScorerSchema>): Scorer {
  return (task, completion) => {
    const got = normalizeText(completion, spec.normalize);
    const want = normalizeText(expectedText(task.expected), spec.normalize);
    const passed = got === want;
    return {
      value: passed ? 1 : 0,
      passed,
      extracted: got,
      explanation: passed ? 'matches the expected answer' : `expected "${clip(want)}", got "${clip(got)}"`,
    };
  };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
