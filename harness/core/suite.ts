import type { CheckSpec } from './check-spec.ts';
import type { ScorerSpec } from './scorer-spec.ts';
import type { Generation } from './suite-schema.ts';

/** A task after loading: defaults applied, prompt rendered, ready to plan. */
export interface Task {
  readonly suiteId: string;
  readonly id: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly vars: Readonly<Record<string, unknown>>;
  /** `undefined` when the task has no reference answer. */
  readonly expected: unknown;
  readonly scorer: ScorerSpec;
  /** Rendered system prompt, when the suite has one. */
  readonly system: string | undefined;
  /** Rendered user prompt. */
  readonly prompt: string;
  /** Where the task was written, for messages. */
  readonly source: { readonly file: string; readonly line: number | undefined };
}

/**
 * The tasks of a suite, read again on every pass: a run makes several (the tasks table, the plan
 * of each model), and holding every task of a large bulk file in memory for the whole run cost
 * more than reading it again. A pass reads chunks of consecutive tasks in order; a task file is
 * checked unchanged (size and a digest per chunk) before any of its tasks is handed out.
 */
export interface TaskSource extends Iterable<Task> {
  /** How many tasks a pass yields. */
  readonly count: number;
  /** How many chunks a pass reads. */
  readonly chunkCount: number;
  /** The tasks of chunk `index` (0-based), read again. Throws `InputError` if a task file changed. */
  readChunk(index: number): readonly Task[];
}

/** A scorer spec the tasks of a suite use, with the first task that uses it (for messages). */
export interface SuiteScorer {
  readonly spec: ScorerSpec;
  readonly taskId: string;
}

/** A suite after loading and validation. */
export interface Suite {
  readonly id: string;
  readonly version: number | string;
  readonly description: string;
  readonly file: string;
  /** SHA-256 of the suite file and every task file it reads, in order. */
  readonly hash: string;
  readonly generation: Generation;
  readonly repeats: number;
  /** The suite's runtime check, when it has one. */
  readonly check?: CheckSpec | undefined;
  /** Every distinct scorer spec of the tasks, in order of first use. */
  readonly scorers: readonly SuiteScorer[];
  readonly tasks: TaskSource;
}
