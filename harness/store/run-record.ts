import type { Price } from '../core/price-schema.ts';

/** How a run ended (or `running` while it goes, or after a crash). */
export type RunStatus = 'running' | 'completed' | 'interrupted' | 'failed' | 'budget_stopped';

/** Provenance and state of one run: a row of `runs`. */
export interface RunRecord {
  readonly runId: string;
  readonly status: RunStatus;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly seed: number;
  readonly simulated: boolean;
  readonly plannedAttempts: number;
  readonly source: 'run' | 'import' | 'rescore' | 'merge';
  readonly parentRunId: string | null;
  readonly configFile: string | null;
  readonly configHash: string;
  readonly suitePaths: readonly string[];
  readonly suites: readonly { id: string; version: string; file: string; hash: string }[];
  readonly gitRevision: string | null;
  readonly packageVersions: Readonly<Record<string, string>>;
  readonly priceSnapshot: Readonly<Record<string, Price | null>>;
  readonly batonVersion: string;
  readonly options: Readonly<Record<string, unknown>>;
}
