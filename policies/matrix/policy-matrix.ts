import type { PolicyModel } from '../../harness/core/policy-schema.ts';

/** One task of the matrix: the unit of routing and of cross-validation. */
export interface MatrixTask {
  readonly suiteId: string;
  readonly taskId: string;
  /** The routing key. */
  readonly category: string;
  readonly tags: readonly string[];
  /** The rendered prompt, for prompt bands and the keyword classifier. */
  readonly prompt: string;
  /** Length of the prompt in Unicode code points (what `prompt_chars` bands measure). */
  readonly promptChars: number;
}

/** What one model did on one task, pooled over repeats and runs (one cell of a `MatrixColumn`, as an object). */
export interface MatrixCell {
  /** Attempts that ran (skipped ones are left out). */
  readonly attempts: number;
  /** Attempts that ended in an error or timeout. */
  readonly errors: number;
  /** Mean score of the answered attempts; `null` when none was answered. */
  readonly score: number | null;
  /** Mean cost of an attempt in USD over the attempts with a known cost; `null` when unpriced. */
  readonly cost: number | null;
  /** Latency of each answered attempt, ms. */
  readonly latencies: readonly number[];
  /** Share of attempts whose runtime check passed (errors count as failed); `null` without check data. */
  readonly checkPassRate: number | null;
  /** Mean score of the attempts whose check passed (0 when none did); `null` without check data. */
  readonly scoreWhenChecked: number | null;
}

/**
 * One column of the matrix: the cells of one model (or cascade) on every task, as typed arrays
 * indexed by task. Columnar, so that millions of attempts fit in memory and every aggregate is a
 * loop over numbers, not over objects. `NaN` stands for `null` (no measurement); the arrays are
 * never written after the matrix is built, and may be shared between columns.
 */
export interface MatrixColumn {
  /** Attempts that ran; 0 where the model never attempted the task (no cell). */
  readonly attempts: Int32Array;
  /** See `MatrixCell`; fractional on cascade columns. */
  readonly errors: Float64Array;
  readonly score: Float64Array;
  readonly cost: Float64Array;
  readonly checkPassRate: Float64Array;
  readonly scoreWhenChecked: Float64Array;
  /** The latencies of task `t` are `latencies[latencyStart[t]]` up to `latencies[latencyStart[t + 1]]` (excluded). */
  readonly latencyStart: Int32Array;
  readonly latencies: Float64Array;
}

/** A column of the matrix: a configured model, or a cascade of two (see `addCascadeColumns`). */
export interface MatrixModel extends PolicyModel {
  /** Set on cascade columns: `first` is called, `escalateTo` when its check fails. */
  readonly cascade?: { readonly first: string; readonly escalateTo: string };
}

/** Everything the learner reads from the store, shaped as tasks × models. */
export interface PolicyMatrix {
  /** Sorted by (suite, task id). */
  readonly tasks: readonly MatrixTask[];
  /** Sorted by id; cascade columns after the models. */
  readonly models: readonly MatrixModel[];
  /** One per model, in the same order; see `readCell` for one cell as an object. */
  readonly columns: readonly MatrixColumn[];
  /** True when the store records runtime checks (`attempts.check_passed`) and some attempt has one. */
  readonly hasChecks: boolean;
}
