import type { MetricRow } from '../report-data.ts';
import { chartConfig } from './chart-theme.ts';
import type { NamedChart } from './named-chart.ts';

/** Quality per (model, category) as a heat map, models in headline order. */
export function createQualityHeatmapChart(cells: readonly MetricRow[], modelOrder: readonly string[]): NamedChart | undefined {
  const values = cells.flatMap((cell) => (cell.quality.estimate === null ? [] : [{ model: cell.modelId, category: cell.category ?? '', quality: cell.quality.estimate, n: cell.graded }]));
  if (values.length === 0) return undefined;
  const categories = [...new Set(values.map((value) => value.category))].sort();
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: Math.max(320, categories.length * 86),
    height: Math.max(120, modelOrder.length * 34),
    data: { values },
    encoding: {
      x: { field: 'category', type: 'nominal', sort: categories, title: null, axis: { labelAngle: -30, orient: 'top', domain: false, ticks: false } },
      y: { field: 'model', type: 'nominal', sort: [...modelOrder], title: null, axis: { domain: false, ticks: false } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: { color: { field: 'quality', type: 'quantitative', title: 'quality', scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.0%', gradientLength: 120 } } },
      },
      {
        mark: { type: 'text', fontSize: 11, fontWeight: 600 },
        encoding: {
          text: { field: 'quality', type: 'quantitative', format: '.0%' },
          color: { condition: { test: 'datum.quality > 0.6', value: '#ffffff' }, value: '#0f172a' },
        },
      },
    ],
  };
  return {
    name: 'quality-by-category',
    title: 'Quality by category',
    caption: 'Share of graded answers that passed (or the mean score, for partial-credit scorers), per model and category. Errors are not counted as wrong answers.',
    spec,
  };
}
