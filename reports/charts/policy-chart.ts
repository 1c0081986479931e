import type { PolicySummary } from '../policy/policy-summary.ts';
import type { MetricRow } from '../report-data.ts';
import { chartConfig, costAxis, perThousand, qualityAxis } from './chart-theme.ts';
import type { NamedChart } from './named-chart.ts';

/** The learned routing policy against every single model (grey) on the cost-quality plane. */
export function createPolicyChart(policy: PolicySummary, models: readonly MetricRow[]): NamedChart | undefined {
  const priced = policy.points.filter((point) => point.costPerTask !== null);
  if (priced.length === 0) return undefined;
  const best = priced.find((point) => point.label.startsWith('best single'));
  const values = [
    // The best single model is drawn once, as itself, not again as a grey point under it.
    ...models.flatMap((model) => (model.costPerTask === null || model.quality.estimate === null || best?.label.includes(`(${model.modelId})`) === true ? [] : [{ label: model.modelId, kind: 'single model', cost: model.costPerTask * perThousand, quality: model.quality.estimate }])),
    ...priced.map((point) => ({ label: `${point.label} (${point.basis})`, kind: point.label === 'policy' ? 'policy' : point.label.startsWith('best single') ? 'best single model' : `${point.basis} figure`, cost: (point.costPerTask ?? 0) * perThousand, quality: point.quality })),
  ];
  const kinds = ['policy', 'best single model', 'held-out figure', 'single model'];
  const x = costAxis('USD per 1,000 tasks (log scale)', Math.max(...values.map((value) => value.cost)));
  const y = qualityAxis('quality over all categories', Math.max(0, Math.floor((Math.min(...values.map((value) => value.quality)) - 0.05) * 10) / 10));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: 640,
    height: 300,
    data: { values },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 110 },
        encoding: {
          x, y,
          color: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: ['#dc2626', '#2563eb', '#7c3aed', '#cbd5e1'] } },
          shape: { field: 'kind', type: 'nominal', scale: { domain: kinds, range: ['diamond', 'square', 'triangle-up', 'circle'] } },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 8, dy: -6, fontSize: 10, color: '#334155' }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
  return {
    name: 'policy-vs-best-model',
    title: 'Learned policy against the best single model',
    caption: `Routing each category as ${policy.file} says, on this run's answers (in-sample: optimistic when the policy was fitted on this run), against the single model with the best overall quality. Held-out figures come from the policy file itself when it has them.`,
    spec,
  };
}
