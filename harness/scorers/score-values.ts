import type { Score } from '../core/score.ts';

/** A pass/fail score: value 1 or 0. */
export function binaryScore(passed: boolean, extracted: string | null, explanation: string): Score {
  return { value: passed ? 1 : 0, passed, extracted, explanation };
}

/** A failing score with nothing extracted. */
export function failedScore(explanation: string): Score {
  return { value: 0, passed: false, extracted: null, explanation };
}
