import type { LoadedConfig } from '../config/load-config.ts';
import type { AttemptStatus } from '../core/attempt.ts';
import type { ModelConfig } from '../core/models-schema.ts';
import type { Provider } from '../core/provider-contract.ts';
import type { Suite } from '../core/suite.ts';
import type { PriceTable } from '../cost/price-table.ts';
import type { ProviderContext } from '../providers/create-provider.ts';
import type { Environment } from '../providers/resolve-api-key.ts';
import type { RunStatus } from '../store/run-record.ts';
import type { ModelSummary } from '../store/summarize-run.ts';
import type { RunEvent } from './run-events.ts';
import type { Shard } from './select-shard.ts';

/** What `executeRun` needs. Inputs arrive validated: the runner does no file parsing. */
export interface RunOptions {
  /** The suite paths as the user gave them, recorded for `--resume`. */
  readonly suitePaths: readonly string[];
  readonly suites: readonly Suite[];
  readonly config: LoadedConfig;
  /** Path of the DuckDB file (or `:memory:`). */
  readonly dbPath: string;
  /** Overrides every suite's `defaults.repeats`. */
  readonly repeats?: number | undefined;
  /** Continue this run instead of starting a new one. */
  readonly resumeRunId?: string | undefined;
  /** Delay multiplier for simulated models: 1 = their declared latency, 0 = instant. Default 1. */
  readonly simTimeScale?: number | undefined;
  /** Stops scheduling new attempts; in-flight ones finish (graceful interrupt). */
  readonly stopSignal?: AbortSignal | undefined;
  /** Aborts in-flight calls too; their attempts are not stored and a resume makes them. */
  readonly abortSignal?: AbortSignal | undefined;
  readonly onEvent?: ((event: RunEvent) => void) | undefined;
  /** Where API keys (and the SDKs' usual `*_BASE_URL` variables) are read. Default: empty; the CLI passes `process.env`. */
  readonly env?: Environment | undefined;
  /** Replaces the global fetch of HTTP providers (proxies, recording). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Prices for models whose config has none. Default: the bundled table. */
  readonly priceTable?: PriceTable | undefined;
  /**
   * Spending cap in USD for the whole run (a resumed run's stored cost included). Each attempt
   * reserves its worst case (prompt + `max_tokens` at list price) before it is scheduled; when
   * the next one no longer fits, scheduling stops and the run ends `budget_stopped`. Every model
   * needs a price. Default: no cap.
   */
  readonly maxCostUsd?: number | undefined;
  /** `--shard i/n`: run only the tasks of this slice of the plan (all models and repeats of each). Default: the whole plan. */
  readonly shard?: Shard | undefined;
  /** Builds each model's provider; defaults to the built-in adapters. Lets callers wrap or add providers. */
  readonly createProvider?: ((model: ModelConfig, index: number, context: ProviderContext) => Provider) | undefined;
  /**
   * Also read the run's per-model totals (`RunOutcome.models`) before the store closes: a caller
   * that prints them then needs no second open of the database (an open and a close, whose
   * checkpoint is ~40-60 ms of a short run). Default: false.
   */
  readonly summarize?: boolean | undefined;
}

/** What a run did. */
export interface RunOutcome {
  readonly runId: string;
  readonly status: RunStatus;
  readonly simulated: boolean;
  /** Attempts in the whole plan. */
  readonly planned: number;
  /** Attempts stored before this invocation (resume). */
  readonly alreadyDone: number;
  /** Attempts stored by this invocation, by status. */
  readonly executed: Readonly<Record<AttemptStatus, number>>;
  readonly durationMs: number;
  /** With `maxCostUsd`: what the run has spent in USD, earlier invocations included. */
  readonly spentUsd?: number | undefined;
  /** What the run could not do as asked, once per model: no price (costs `null`), settings a provider ignored. */
  readonly warnings: readonly string[];
  /** With `summarize`: the run's per-model totals, every invocation of a resumed run included. */
  readonly models?: readonly ModelSummary[] | undefined;
}
