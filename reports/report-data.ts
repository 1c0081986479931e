import type { Comparison } from './comparison-data.ts';
import type { MetricRow } from './metric-row.ts';
import type { PolicySummary } from './policy/policy-summary.ts';

export type { MetricRow, PassAtK, ReportInterval } from './metric-row.ts';

/** One run of the selection, as the report shows it. */
export interface RunSummary {
  readonly runId: string;
  readonly status: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly simulated: boolean;
  readonly seed: number;
  readonly source: string;
  readonly gitRevision: string | null;
  readonly batonVersion: string;
  readonly suites: readonly { readonly id: string; readonly version: string }[];
  readonly models: readonly string[];
  readonly attempts: number;
}

/** Latency quantiles of one model's answered attempts, for the distribution chart. */
export interface LatencySpread {
  readonly modelId: string;
  readonly kind: 'latency' | 'ttft';
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly p99: number;
}

/** Judge spending of one judge model. */
export interface JudgeCost {
  readonly judgeModelId: string;
  readonly calls: number;
  readonly errors: number;
  readonly costUsd: number | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
}

/** A wrong or failed answer, shown so that readers can see what "wrong" means. */
export interface FailureSample {
  readonly modelId: string;
  readonly category: string;
  readonly suiteId: string;
  readonly taskId: string;
  readonly repeatIndex: number;
  readonly status: string;
  readonly expected: string | null;
  readonly output: string | null;
  readonly explanation: string | null;
}

/** Fixed parameters of the statistics, recorded so that figures can be reproduced. */
export interface ReportSettings {
  readonly confidence: number;
  readonly bootstrapSeed: number;
  readonly bootstrapResamples: number;
  readonly alpha: number;
  readonly adjust: 'holm' | 'none';
}

/** Everything a report shows; the JSON format is this object. */
export interface ReportData {
  readonly schema: 'baton.report/1';
  readonly generatedAt: string;
  /** Some selected run used simulated models. */
  readonly simulated: boolean;
  /** The run the tables describe: the last of the selection. */
  readonly subject: RunSummary;
  /** Every selected run, oldest first. */
  readonly runs: readonly RunSummary[];
  readonly categories: readonly string[];
  /** The subject run per model, best quality first. */
  readonly models: readonly MetricRow[];
  /** The subject run per (model, category). */
  readonly cells: readonly MetricRow[];
  /** Per (run, model) over all categories, for the trend; empty with one run. */
  readonly trend: readonly MetricRow[];
  readonly latency: readonly LatencySpread[];
  /** `null` when the database predates judge bookkeeping. */
  readonly judges: readonly JudgeCost[] | null;
  readonly failures: readonly FailureSample[];
  readonly comparison: Comparison | null;
  readonly policy: PolicySummary | null;
  readonly settings: ReportSettings;
  /** Caveats found while building (unpriced models, unreadable policy file). */
  readonly notes: readonly string[];
}
