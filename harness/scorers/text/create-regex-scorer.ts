import type { z } from 'zod';
import type { RegexScorerSchema } from '../../core/answer-scorer-specs.ts';
import { clipText } from '../clip-text.ts';
import { expectedText } from '../expected-text.ts';
import type { Scorer } from '../scorer.ts';
import { binaryScore, failedScore } from '../score-values.ts';
import { normalizeText } from './normalize-text.ts';

/**
 * `regex`: finds the pattern (the last match by default) and compares its capture with the expected
 * answer after the normalisers. A task without an expected answer passes when the pattern matches.
 */
export function createRegexScorer(spec: z.infer<typeof RegexScorerSchema>): Scorer {
  const pattern = new RegExp(spec.pattern, spec.flags.includes('g') ? spec.flags : `${spec.flags}g`);
  return (task, completion) => {
    const matches = [...completion.matchAll(pattern)];
    const match = spec.match === 'first' ? matches[0] : matches.at(-1);
    if (match === undefined) return failedScore(`no match for /${clipText(spec.pattern, 40)}/`);
    const group = spec.group ?? (match.length > 1 ? 1 : 0);
    const captured = typeof group === 'number' ? match[group] : match.groups?.[group];
    if (captured === undefined) return failedScore(`the match has no group ${String(group)}`);
    const got = normalizeText(captured, spec.normalize);
    if (task.expected === undefined || task.expected === null) return binaryScore(true, got, 'the pattern matches');
    const want = normalizeText(expectedText(task.expected), spec.normalize);
    const passed = got === want;
    return binaryScore(passed, got, passed ? `captured "${clipText(got)}" as expected` : `expected "${clipText(want)}", captured "${clipText(got)}"`);
  };
}
