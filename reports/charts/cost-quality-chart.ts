import type { MetricRow } from '../report-data.ts';
import { chartConfig } from './chart-theme.ts';
import { costQualityLayers } from './cost-quality-layers.ts';
import { costQualityRows } from './cost-quality-rows.ts';
import type { NamedChart } from './named-chart.ts';

/** Quality against cost per model over all categories, with the Pareto frontier. */
export function createCostQualityChart(models: readonly MetricRow[]): NamedChart | undefined {
  const values = costQualityRows(models);
  if (values.length === 0) return undefined;
  const modelIds = models.map((model) => model.modelId);
  const domainLow = Math.max(0, Math.floor((Math.min(...values.map((value) => value.low)) - 0.05) * 10) / 10);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: 640,
    height: 340,
    data: { values },
    layer: costQualityLayers(modelIds, { labelSize: 11, domainLow, maxCost: Math.max(...values.map((value) => value.cost)), labelAll: true, legend: false }),
  };
  return {
    name: 'cost-vs-quality',
    title: 'Cost against quality',
    caption: 'Each point is a model over all categories; the vertical line is its 95 % interval. Diamonds joined by the dashed line are the Pareto frontier: no other model is both cheaper and better. Up and to the left is better.',
    spec,
  };
}
