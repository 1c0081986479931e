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
}
