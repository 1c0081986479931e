import type { Check } from '../checks/check.ts';
import type { JudgeCall } from '../core/judgment.ts';
import { applyScorer } from './apply-scorer.ts';
import type { ScorableTask, Scorer } from './scorer.ts';

/** The scoring columns of an attempt with an output. */
export interface ScoredOutput {
  /** `error` when the scorer could not reach a verdict: an unscored attempt, not a wrong answer. */
  readonly status: 'ok' | 'error';
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly extracted: string | null;
  readonly explanation: string | null;
  readonly checkPassed: boolean | null;
  readonly errorCode: 'scorer_error' | null;
  readonly errorMessage: string | null;
  /** Judge calls made while scoring, for the `judgments` table. */
  readonly judgments: readonly JudgeCall[];
}

/** Errors longer than this are clipped, as provider errors are. */
const maxErrorMessage = 500;

/** Scores one output and runs the suite's check on it; used by runs and by `rescore` alike. Never throws. */
export async function scoreOutput(scorer: Scorer, check: Check | undefined, task: ScorableTask, output: string): Promise<ScoredOutput> {
  const score = await applyScorer(scorer, task, output);
  const checkPassed = check === undefined ? null : runCheck(check, task, output);
  const judgments = score.judgments ?? [];
  if (score.error !== undefined) {
    return { status: 'error', score: null, passed: null, extracted: score.extracted, explanation: score.explanation, checkPassed, errorCode: 'scorer_error', errorMessage: score.error.slice(0, maxErrorMessage), judgments };
  }
  return { status: 'ok', score: score.value, passed: score.passed, extracted: score.extracted, explanation: score.explanation, checkPassed, errorCode: null, errorMessage: null, judgments };
}

function runCheck(check: Check, task: ScorableTask, output: string): boolean {
  try {
    return check(task, output);
  } catch {
    // A check is a cheap verifier: one that cannot run on this output has not passed.
    return false;
  }
}
