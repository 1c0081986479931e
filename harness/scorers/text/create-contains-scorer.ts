import type { z } from 'zod';
import type { ContainsScorerSchema } from '../../core/answer-scorer-specs.ts';
import type { Scorer } from '../scorer.ts';
import { failedScore } from '../score-values.ts';
import { containsText } from './contains-text.ts';
import { normalizeText } from './normalize-text.ts';

/**
 * `contains`: looks for each value (the spec's `values`, else the expected string or list) in the
 * completion. `any` passes on one; `all` scores the share found and passes when every one is there.
 */
export function createContainsScorer(spec: z.infer<typeof ContainsScorerSchema>): Scorer {
  return (task, completion) => {
    const values = spec.values ?? expectedValues(task.expected);
    if (values.length === 0) return failedScore('no values to look for: set `values` or give the task an expected string or list');
    const haystack = normalizeText(completion, spec.normalize);
    const found = values.filter((value) => containsText(haystack, normalizeText(value, spec.normalize), spec.whole_words));
    const missing = values.filter((value) => !found.includes(value));
    const value = spec.mode === 'any' ? (found.length > 0 ? 1 : 0) : found.length / values.length;
    const passed = spec.mode === 'any' ? found.length > 0 : missing.length === 0;
    const explanation = passed
      ? `found ${found.map((item) => `"${item}"`).join(', ')}`
      : spec.mode === 'any'
        ? `none of ${values.map((item) => `"${item}"`).join(', ')} found`
        : `missing ${missing.map((item) => `"${item}"`).join(', ')}`;
    return { value, passed, extracted: found.length > 0 ? found.join(', ') : null, explanation };
  };
}

function expectedValues(expected: unknown): string[] {
  if (typeof expected === 'string' && expected !== '') return [expected];
  if (typeof expected === 'number') return [String(expected)];
  if (Array.isArray(expected)) return expected.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
  return [];
}
