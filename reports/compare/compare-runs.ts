import { holmAdjust } from '../../harness/stats/holm-adjust.ts';
import { mcnemarTest } from '../../harness/stats/mcnemar-test.ts';
import { pairedBootstrapDelta } from '../../harness/stats/paired-bootstrap.ts';
import type { Comparison, ComparisonRow } from '../comparison-data.ts';
import { groupKey } from '../metrics/group-key.ts';
import { queryMetricRows } from '../metrics/query-metric-rows.ts';
import { toReportInterval } from '../metrics/quality-interval.ts';
import type { ReportSettings } from '../report-data.ts';
import type { ReportStore } from '../store/report-store.ts';
import { selectRuns } from '../store/select-runs.ts';
import { queryPairs, type PairGroup } from './query-pairs.ts';

/** Parameters of a comparison. */
export type CompareSettings = Pick<ReportSettings, 'alpha' | 'adjust' | 'confidence' | 'bootstrapSeed' | 'bootstrapResamples'>;

/**
 * Paired comparison of a candidate run against a baseline, per model and per (model, category):
 * McNemar's test on pass/fail pairs, a paired bootstrap on partial-credit scores, and a paired
 * bootstrap interval on every delta. p-values are adjusted over all rows (Holm by default) so a
 * nightly run that tests dozens of cells does not raise a false alarm every other night.
 */
export async function compareRuns(store: ReportStore, baselineRunId: string, candidateRunId: string, settings: CompareSettings): Promise<Comparison> {
  await selectRuns(store, { runIds: [baselineRunId, candidateRunId] });
  const [groups, metrics] = await Promise.all([queryPairs(store, baselineRunId, candidateRunId), queryMetricRows(store, [baselineRunId, candidateRunId])]);
  const errorRate = (runId: string, modelId: string, category: string | null) => {
    const row = metrics.find((metric) => groupKey(metric) === groupKey({ run_id: runId, model_id: modelId, category }));
    return row === undefined || row.attempts === 0 ? null : (row.errors + row.timeouts) / row.attempts;
  };
  const paired = new Map(groups.map((group) => [groupKey({ ...group, run_id: '' }), group]));
  const scopes = metrics.filter((metric) => metric.run_id === candidateRunId).map((metric) => ({ modelId: metric.model_id, category: metric.category }));
  const tested = scopes.map((scope) => testGroup(paired.get(groupKey({ run_id: '', model_id: scope.modelId, category: scope.category })), settings));
  const pValues = tested.map((test) => test.pValue).filter((p) => p !== null);
  const adjusted = settings.adjust === 'holm' ? holmAdjust(pValues) : pValues;
  let next = 0;
  const rows: ComparisonRow[] = scopes.map((scope, index) => {
    const test = tested[index] as TestedGroup;
    const adjustedPValue = test.pValue === null ? null : (adjusted[next++] ?? null);
    const significant = adjustedPValue !== null && adjustedPValue < settings.alpha;
    const delta = test.delta.estimate ?? 0;
    const verdict = test.pairs === 0 ? 'no-data' : significant && delta < 0 ? 'regression' : significant && delta > 0 ? 'improvement' : 'unchanged';
    return {
      ...scope,
      ...test,
      adjustedPValue,
      verdict,
      baselineErrorRate: errorRate(baselineRunId, scope.modelId, scope.category),
      candidateErrorRate: errorRate(candidateRunId, scope.modelId, scope.category),
    };
  });
  return {
    baselineRunId,
    candidateRunId,
    alpha: settings.alpha,
    adjust: settings.adjust,
    rows,
    regressions: rows.filter((row) => row.verdict === 'regression').length,
    improvements: rows.filter((row) => row.verdict === 'improvement').length,
    changedPrompts: groups.filter((group) => group.category === null).reduce((sum, group) => sum + group.changed_prompts, 0),
  };
}

type TestedGroup = Omit<ComparisonRow, 'modelId' | 'category' | 'adjustedPValue' | 'verdict' | 'baselineErrorRate' | 'candidateErrorRate'>;

function testGroup(group: PairGroup | undefined, settings: CompareSettings): TestedGroup {
  if (group === undefined || group.pairs === 0) {
    return { pairs: 0, method: 'mcnemar', baseline: null, candidate: null, delta: { estimate: null, low: null, high: null }, onlyBaseline: 0, onlyCandidate: 0, pValue: null };
  }
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const bootstrap = pairedBootstrapDelta(group.baseline, group.candidate, { seed: settings.bootstrapSeed, resamples: settings.bootstrapResamples, confidence: settings.confidence });
  const binary = group.fractional === 0;
  return {
    pairs: group.pairs,
    method: binary ? 'mcnemar' : 'paired-bootstrap',
    baseline: mean(group.baseline),
    candidate: mean(group.candidate),
    delta: toReportInterval(bootstrap),
    onlyBaseline: group.only_baseline,
    onlyCandidate: group.only_candidate,
    pValue: binary ? mcnemarTest(group.only_baseline, group.only_candidate).pValue : bootstrap.pValue,
  };
}
