import type { MetricRow } from '../report-data.ts';
import { chartConfig, modelColor, perThousand } from './chart-theme.ts';
import type { NamedChart } from './named-chart.ts';

/** What 1,000 correct answers cost per model, cheapest first. */
export function createCostPerCorrectChart(models: readonly MetricRow[]): NamedChart | undefined {
  const values = models.flatMap((model) => (model.costPerCorrect === null ? [] : [{ model: model.modelId, cost: model.costPerCorrect * perThousand }]));
  if (values.length === 0) return undefined;
  const order = [...values].sort((a, b) => a.cost - b.cost).map((value) => value.model);
  const y = { field: 'model', type: 'nominal', sort: order, title: null } as const;
  const x = { field: 'cost', type: 'quantitative', title: 'USD per 1,000 correct answers', axis: { format: '$,.2~f' } } as const;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: 560,
    height: Math.max(80, values.length * 28),
    data: { values },
    layer: [
      { mark: { type: 'bar', cornerRadiusEnd: 2, height: 18 }, encoding: { y, x, color: { ...modelColor(models.map((model) => model.modelId)), legend: null } } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#1e293b' }, encoding: { y, x, text: { field: 'cost', type: 'quantitative', format: '$,.3~f' } } },
    ],
  };
  return {
    name: 'cost-per-correct',
    title: 'Cost per correct answer',
    caption: 'Everything a model cost (wrong answers and failed calls included) divided by its correct answers, per 1,000 correct answers. Judge calls are not included.',
    spec,
  };
}
