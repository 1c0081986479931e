import type { MetricRow } from '../report-data.ts';
import { chartConfig } from './chart-theme.ts';
import { costQualityLayers } from './cost-quality-layers.ts';
import { costQualityRows } from './cost-quality-rows.ts';
import type { NamedChart } from './named-chart.ts';

/** The cost-quality plot once per category (small multiples), each with its own frontier. */
export function createCategoryCostQualityChart(cells: readonly MetricRow[], modelIds: readonly string[]): NamedChart | undefined {
  const values = costQualityRows(cells);
  if (values.length === 0) return undefined;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    data: { values },
    facet: { field: 'category', type: 'nominal', title: null, header: { labelAnchor: 'start' } },
    columns: 3,
    spec: { width: 250, height: 170, layer: costQualityLayers(modelIds, { labelSize: 9, domainLow: 0, maxCost: Math.max(...values.map((value) => value.cost)), labelAll: false, legend: true }) },
    resolve: { scale: { x: 'shared', y: 'shared' } },
  };
  return {
    name: 'cost-vs-quality-by-category',
    title: 'Cost against quality, per category',
    caption: 'The same plot for each category, frontier models named: the cheapest frontier model that is good enough for a category is the natural route for it.',
    spec,
  };
}
