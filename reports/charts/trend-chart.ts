import type { MetricRow, RunSummary } from '../report-data.ts';
import { chartConfig, modelColor, qualityAxis } from './chart-theme.ts';
import type { NamedChart } from './named-chart.ts';

/** Quality per model over the selected runs, oldest first; only drawn with two runs or more. */
export function createTrendChart(trend: readonly MetricRow[], runs: readonly RunSummary[]): NamedChart | undefined {
  if (runs.length < 2) return undefined;
  // Month, day and time, plus the id's tail: two runs started in the same minute stay apart.
  const label = (run: RunSummary) => `${run.startedAt.slice(5, 16).replace('T', ' ')} ${run.runId.slice(-4)}`;
  const labels = new Map(runs.map((run) => [run.runId, label(run)]));
  const values = trend.flatMap((row) =>
    row.quality.estimate === null ? [] : [{ run: labels.get(row.runId) ?? row.runId, model: row.modelId, quality: row.quality.estimate, low: row.quality.low, high: row.quality.high }],
  );
  const x = { field: 'run', type: 'ordinal', sort: runs.map(label), title: 'run (start, UTC, and id suffix)', axis: { labelAngle: 0, labelLimit: 160 } } as const;
  const color = modelColor([...new Set(values.map((value) => value.model))]);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: Math.max(360, runs.length * 90),
    height: 260,
    data: { values },
    layer: [
      { mark: { type: 'rule', opacity: 0.45, strokeWidth: 2 }, encoding: { x, y: { ...qualityAxis('quality (95 % interval)'), field: 'low' }, y2: { field: 'high' }, color } },
      { mark: { type: 'line', point: { filled: true, size: 50 } }, encoding: { x, y: qualityAxis('quality (95 % interval)'), color } },
    ],
  };
  return {
    name: 'trend',
    title: 'Quality over the last runs',
    caption: 'Quality over all categories, per model and run, with 95 % intervals. Runs may differ in suites and models; the comparison section pairs shared tasks only.',
    spec,
  };
}
