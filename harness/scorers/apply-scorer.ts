import type { Score } from '../core/score.ts';
import { toError } from '../core/to-error.ts';
import type { ScorableTask, Scorer } from './scorer.ts';

/**
 * Applies a scorer and never throws: a scorer that throws (a custom module's bug, an unreadable
 * file) gives a score with `error` set, which the runner stores as an error, not a wrong answer,
 * and which does not stop the run.
 */
export async function applyScorer(scorer: Scorer, task: ScorableTask, completion: string): Promise<Score> {
  try {
    return await scorer(task, completion);
  } catch (thrown) {
    const message = toError(thrown).message;
    return { value: 0, passed: false, extracted: null, explanation: 'the scorer failed', error: message };
  }
}
