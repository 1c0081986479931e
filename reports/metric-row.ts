/** A point estimate with its 95 % interval; `null` where there was nothing to estimate. */
export interface ReportInterval {
  readonly estimate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** pass@k: the chance that at least one of k independent samples of a task passes. */
export interface PassAtK {
  /** The largest number of graded repeats of a task in the group. */
  readonly k: number;
  /** Unbiased estimator 1 − C(n−c, k) / C(n, k), averaged over the tasks with k graded repeats. */
  readonly estimate: number | null;
  readonly tasks: number;
  /** Tasks whose repeats disagree (some passed, some not). */
  readonly flakyTasks: number;
}

/**
 * The figures of one model, over all categories (`category: null`) or in one category.
 * Quality counts graded answers only: errors and timeouts are in `errorRate`, never wrong answers.
 */
export interface MetricRow {
  readonly runId: string;
  readonly modelId: string;
  readonly category: string | null;
  /** Stored attempts, skipped ones excluded. */
  readonly attempts: number;
  readonly ok: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly skipped: number;
  /** (errors + timeouts) / attempts. */
  readonly errorRate: number | null;
  /** Answers with a pass/fail verdict. */
  readonly graded: number;
  readonly passed: number;
  readonly wrong: number;
  /** Wilson interval of passed / graded. */
  readonly passRate: ReportInterval;
  /** Mean score in [0, 1] over scored answers. */
  readonly meanScore: number | null;
  /** The headline quality: the pass rate when every score is 0 or 1, else the mean score. */
  readonly quality: ReportInterval;
  /** `wilson` for pass rates, `bootstrap` (seeded) for mean scores. */
  readonly qualityMethod: 'wilson' | 'bootstrap';
  /** Candidate-model cost; `null` when some answer has no price. Judge calls are not included. */
  readonly costUsd: number | null;
  readonly unpricedAttempts: number;
  /** costUsd / attempts. */
  readonly costPerTask: number | null;
  /** costUsd / passed: what one correct answer costs, wrong answers and errors included. */
  readonly costPerCorrect: number | null;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
  readonly latencyP99Ms: number | null;
  readonly ttftP50Ms: number | null;
  readonly ttftP95Ms: number | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly reasoningTokens: number | null;
  /** Per answered attempt. */
  readonly meanInputTokens: number | null;
  readonly meanOutputTokens: number | null;
  /** `null` unless some task was answered more than once. */
  readonly passAtK: PassAtK | null;
  /** Cost of judge calls on this model's answers; `null` when the database has no judgments table. */
  readonly judgeCostUsd: number | null;
  readonly judgeCalls: number | null;
}
