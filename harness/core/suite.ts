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
  readonly tasks: readonly Task[];
}
