/** The layouts `baton import` understands. */
export const importFormats = ['routerbench', 'routellm', 'collector', 'long', 'baton'] as const;

/** One of {@link importFormats}. */
export type ImportFormat = (typeof importFormats)[number];

/** Column names of a long table (one row per attempt); see the README for defaults. */
export interface LongColumns {
  readonly task: string;
  readonly model: string;
  readonly score: string;
  /** Suite id column; without it every row belongs to one suite named after `--name` or the file. */
  readonly suite?: string | undefined;
  readonly prompt?: string | undefined;
  readonly repeat?: string | undefined;
  readonly passed?: string | undefined;
  readonly cost?: string | undefined;
  readonly inputTokens?: string | undefined;
  readonly outputTokens?: string | undefined;
  readonly reasoningTokens?: string | undefined;
  readonly latency?: string | undefined;
  readonly output?: string | undefined;
}

/** What to import and how. */
export interface ImportOptions {
  readonly format: ImportFormat;
  /** Files or folders, as the user gave them. */
  readonly paths: readonly string[];
  /** Field holding each task's category (routing key); each format has its own default. */
  readonly categoryFrom?: string | undefined;
  /** Suite id of the imported tasks where the data does not name one. */
  readonly name?: string | undefined;
  /** A JSONL (or plain text) list of prompts to leave out, e.g. RouteLLM's contaminated prompts. */
  readonly excludePrompts?: string | undefined;
  /** Column mapping of the `long` format. */
  readonly long?: LongColumns | undefined;
}

/** What an import wrote. */
export interface ImportOutcome {
  readonly runId: string;
  readonly attempts: number;
  readonly tasks: number;
  readonly models: number;
  /** Rows left out because their prompt was on the exclusion list. */
  readonly excluded: number;
}
