import type { JudgeCall } from './judgment.ts';

/** The verdict of a scorer on one completion. */
export interface Score {
  /** Quality in [0, 1]. */
  readonly value: number;
  /** Whether the completion counts as correct. */
  readonly passed: boolean;
  /** The answer the scorer extracted from the completion, if it extracts one. */
  readonly extracted: string | null;
  /** One short sentence saying why. */
  readonly explanation: string;
  /**
   * Set when the scorer could not reach a verdict (every judge failed, a custom scorer threw).
   * The attempt is then stored as an error, never as a wrong answer.
   */
  readonly error?: string;
  /** Calls made to judge models while scoring; stored in `judgments`, apart from the candidate's cost. */
  readonly judgments?: readonly JudgeCall[];
}
