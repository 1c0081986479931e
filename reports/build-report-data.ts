import { existsSync } from 'node:fs';
import { compareRuns } from './compare/compare-runs.ts';
import { queryFailures } from './metrics/query-failures.ts';
import { queryJudgeCosts } from './metrics/query-judge-costs.ts';
import { queryLatencySpread } from './metrics/query-latency-spread.ts';
import { queryMetricRows } from './metrics/query-metric-rows.ts';
import { queryPassAtK } from './metrics/query-pass-at-k.ts';
import { queryScoreSamples } from './metrics/query-score-samples.ts';
import { shapeMetricRows } from './metrics/shape-metric-rows.ts';
import { readPolicyFile } from './policy/read-policy-file.ts';
import { summarizePolicy } from './policy/summarize-policy.ts';
import type { MetricRow, ReportData, ReportSettings } from './report-data.ts';
import { defaultReportSettings } from './report-settings.ts';
import type { ReportStore } from './store/report-store.ts';
import { selectRuns, type RunSelection } from './store/select-runs.ts';

/** What to put in a report beyond the run selection. */
export interface ReportOptions extends RunSelection {
  /** Baseline run to compare the subject run against. Two `runIds` and no `compareWith`: the first is the baseline. */
  readonly compareWith?: string | undefined;
  /** A routing policy file (results/policy.json); skipped when absent. */
  readonly policyPath?: string | undefined;
  readonly settings?: Partial<ReportSettings> | undefined;
  /** Stamped as `generatedAt`; pass a fixed date for byte-identical output. */
  readonly now?: Date | undefined;
}

/** Reads and computes everything a report shows. Renderers only format this object. */
export async function buildReportData(store: ReportStore, options: ReportOptions = {}): Promise<ReportData> {
  const settings: ReportSettings = { ...defaultReportSettings, ...options.settings };
  const { runs, subject } = await selectRuns(store, options);
  const runIds = runs.map((run) => run.runId);
  const [rows, passAtK, judgeCosts, samples, latency, failures] = await Promise.all([
    queryMetricRows(store, runIds),
    queryPassAtK(store, runIds),
    queryJudgeCosts(store, runIds, subject.runId),
    queryScoreSamples(store, runIds),
    queryLatencySpread(store, subject.runId),
    queryFailures(store, subject.runId),
  ]);
  const metrics = shapeMetricRows({ rows, passAtK, judged: judgeCosts?.byCandidate ?? null, samples }, settings);
  const ofSubject = metrics.filter((row) => row.runId === subject.runId);
  const models = ofSubject.filter((row) => row.category === null).sort(byQuality);
  const cells = ofSubject.filter((row) => row.category !== null);
  const notes = describeCaveats(subject.status, models);
  const baselineRunId = options.compareWith ?? (options.runIds?.length === 2 ? options.runIds[0] : undefined);
  const comparison = baselineRunId === undefined ? null : await compareRuns(store, baselineRunId, subject.runId, settings);
  let policy = null;
  if (options.policyPath !== undefined && existsSync(options.policyPath)) {
    try {
      policy = summarizePolicy(options.policyPath, readPolicyFile(options.policyPath), models, cells, notes);
    } catch (error) {
      notes.push(`policy file ${options.policyPath} could not be read (${error instanceof Error ? error.message : String(error)}); its chart is left out`);
    }
  }
  return {
    schema: 'baton.report/1',
    generatedAt: (options.now ?? new Date()).toISOString(),
    simulated: runs.some((run) => run.simulated),
    subject,
    runs,
    categories: [...new Set(cells.map((cell) => cell.category ?? ''))].sort(),
    models,
    cells,
    trend: runs.length > 1 ? metrics.filter((row) => row.category === null) : [],
    latency,
    judges: judgeCosts?.byJudge ?? null,
    failures,
    comparison,
    policy,
    settings,
    notes,
  };
}

function byQuality(a: MetricRow, b: MetricRow): number {
  return (b.quality.estimate ?? -1) - (a.quality.estimate ?? -1) || (a.costPerTask ?? Infinity) - (b.costPerTask ?? Infinity) || a.modelId.localeCompare(b.modelId);
}

function describeCaveats(status: string, models: readonly MetricRow[]): string[] {
  const notes: string[] = [];
  if (status !== 'completed') notes.push(`the run's status is \`${status}\`: figures cover the attempts stored so far`);
  for (const model of models) {
    if (model.unpricedAttempts > 0) notes.push(`model \`${model.modelId}\` has ${model.unpricedAttempts} answer(s) without a price: its cost figures are left blank rather than shown as 0`);
  }
  return notes;
}
