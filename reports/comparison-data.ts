import type { ReportInterval } from './report-data.ts';

/** What a paired comparison concluded for one (model, category). */
export type ComparisonVerdict = 'regression' | 'improvement' | 'unchanged' | 'no-data';

/**
 * Baseline against candidate on the attempts both runs answered: same suite, task, model and
 * repeat. Pairs, not two independent samples, so each task's difficulty cancels out.
 */
export interface ComparisonRow {
  readonly modelId: string;
  /** `null` on a model's all-categories row. */
  readonly category: string | null;
  readonly pairs: number;
  /** `mcnemar` when every paired score is 0 or 1, else `paired-bootstrap` on the scores. */
  readonly method: 'mcnemar' | 'paired-bootstrap';
  /** Quality on the paired attempts. */
  readonly baseline: number | null;
  readonly candidate: number | null;
  /** candidate − baseline, with a paired-bootstrap 95 % interval. */
  readonly delta: ReportInterval;
  /** Pairs that passed only in the baseline, and only in the candidate (McNemar's discordant pairs). */
  readonly onlyBaseline: number;
  readonly onlyCandidate: number;
  /** Two-sided p-value of the test named by `method`. */
  readonly pValue: number | null;
  /** After the multiple-comparison adjustment over all rows (Holm by default). */
  readonly adjustedPValue: number | null;
  readonly verdict: ComparisonVerdict;
  /** Errors and timeouts per stored attempt, kept apart from quality. */
  readonly baselineErrorRate: number | null;
  readonly candidateErrorRate: number | null;
}

/** A comparison of two runs. */
export interface Comparison {
  readonly baselineRunId: string;
  readonly candidateRunId: string;
  readonly alpha: number;
  readonly adjust: 'holm' | 'none';
  /** Per model (category `null`) and per (model, category). */
  readonly rows: readonly ComparisonRow[];
  readonly regressions: number;
  readonly improvements: number;
  /** Paired attempts whose rendered prompt differs between the runs (same task id, edited task). */
  readonly changedPrompts: number;
}
