import type { Objective, RequireRule } from '../../harness/core/policy-schema.ts';

/** Every parameter of the learner; all of them are recorded in the policy's provenance. */
export interface LearnerOptions {
  readonly objective: Objective;
  /** Ceiling on a route's p95 latency, ms; `null` for none. */
  readonly maxP95Ms: number | null;
  /** Ceiling on a route's cost per 1000 tasks, USD; `null` for none. */
  readonly maxCostPer1kUsd: number | null;
  readonly require: readonly RequireRule[];
  /** Pseudo-count of the partial pooling of category estimates; `'auto'` estimates it from the data, 0 turns it off. */
  readonly shrinkage: number | 'auto';
  /** Split each category into this many prompt-length bands (1 = no split). */
  readonly promptBands: number;
  /** Split all requests with a prompt into this many bands of a learned prompt score (1 = no scorer). */
  readonly scoreBands: number;
  /** Ridge penalty of the prompt scorer. */
  readonly scoreL2: number;
  /** Fewest tasks a prompt band (of length or score) must hold. */
  readonly minBandTasks: number;
  /** Longest fallback chain. */
  readonly maxFallbacks: number;
  /** Consider cascades (needs runtime checks in the runs). */
  readonly cascades: boolean;
  /** Learn keyword rules mapping prompts to categories. */
  readonly classifier: boolean;
  /** Seed of the bootstrap intervals and tests and of the folds. */
  readonly seed: number;
}

/** The defaults, as documented in `baton fit --help`. */
export const defaultLearnerOptions: LearnerOptions = {
  objective: { type: 'max-quality' },
  maxP95Ms: null,
  maxCostPer1kUsd: null,
  require: [],
  shrinkage: 'auto',
  promptBands: 1,
  scoreBands: 1,
  scoreL2: 10,
  minBandTasks: 30,
  maxFallbacks: 2,
  cascades: true,
  classifier: true,
  seed: 1,
};
