import type { PolicyFrontier } from '../../harness/core/policy-frontier-schema.ts';

/**
 * A vega-lite spec of the frontier: cost per 1000 tasks against quality, the policies as a line
 * with points (tooltips give λ), the single models as labelled dots. Data is inlined, so the spec
 * renders anywhere vega-lite does (the HTML report, the vega editor, `vl2svg`).
 */
export function frontierChart(frontier: PolicyFrontier): Record<string, unknown> {
  const policies = frontier.points.map((point) => ({ kind: 'policy', label: `λ=${point.lambda.toPrecision(3)}`, cost_per_1k: point.cost_per_task_usd * 1000, quality: point.quality }));
  const models = frontier.models.filter((model) => model.cost_per_task_usd !== null).map((model) => ({ kind: 'model', label: model.model, cost_per_1k: (model.cost_per_task_usd ?? 0) * 1000, quality: model.quality }));
  const x = { field: 'cost_per_1k', type: 'quantitative', title: 'cost per 1000 tasks (USD)' };
  const y = { field: 'quality', type: 'quantitative', title: 'quality', axis: { format: '.0%' }, scale: { zero: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: frontier.simulated ? 'Policy frontier (SIMULATED models)' : 'Policy frontier',
    width: 480,
    height: 320,
    layer: [
      { data: { values: policies }, mark: { type: 'line', point: true }, encoding: { x, y, tooltip: [{ field: 'label' }, { field: 'cost_per_1k', format: '.4f' }, { field: 'quality', format: '.3f' }] } },
      { data: { values: models }, mark: { type: 'point', filled: true, color: 'grey' }, encoding: { x, y, tooltip: [{ field: 'label' }] } },
      { data: { values: models }, mark: { type: 'text', dx: 6, align: 'left', baseline: 'middle' }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}
