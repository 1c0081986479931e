/** The CLI's exit codes. */
export const exitCodes = {
  ok: 0,
  /** Finished, but with failures past the threshold (or an internal error). */
  failures: 1,
  /** Bad input: nothing was run, nothing was written. */
  badInput: 2,
} as const;
