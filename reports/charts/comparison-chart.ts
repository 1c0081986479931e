import type { Comparison } from '../comparison-data.ts';
import { chartConfig } from './chart-theme.ts';
import type { NamedChart } from './named-chart.ts';

/** Paired quality deltas per (model, category) with their intervals, coloured by verdict. */
export function createComparisonChart(comparison: Comparison): NamedChart | undefined {
  const values = comparison.rows.flatMap((row) =>
    row.category === null || row.delta.estimate === null ? [] : [{ cell: `${row.modelId} · ${row.category}`, delta: row.delta.estimate, low: row.delta.low, high: row.delta.high, verdict: row.verdict }],
  );
  if (values.length === 0) return undefined;
  const y = { field: 'cell', type: 'nominal', title: null, sort: null } as const;
  const x = { field: 'delta', type: 'quantitative', title: 'candidate − baseline (quality, 95 % interval)', axis: { format: '+.0%' } } as const;
  const color = { field: 'verdict', type: 'nominal', title: 'verdict', scale: { domain: ['regression', 'unchanged', 'improvement'], range: ['#dc2626', '#94a3b8', '#16a34a'] } } as const;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: 520,
    height: Math.max(80, values.length * 16),
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#475569', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' }, color } },
      { mark: { type: 'point', filled: true, size: 50 }, encoding: { y, x, color } },
    ],
  };
  return {
    name: 'comparison',
    title: `Change from ${comparison.baselineRunId} to ${comparison.candidateRunId}`,
    caption: `Paired on shared tasks (same suite, task, model and repeat). Red: a significant drop after ${comparison.adjust === 'holm' ? 'Holm adjustment' : 'no adjustment'} at α = ${comparison.alpha}; green: a significant gain.`,
    spec,
  };
}
