import { costAxis, modelColor, qualityAxis } from './chart-theme.ts';

/**
 * The layers of a cost-quality plot: the Pareto frontier as a dashed step line, each model's
 * 95 % interval as a vertical rule, its point, and its name.
 */
export function costQualityLayers(modelIds: readonly string[], options: { labelSize: number; domainLow: number; maxCost: number; labelAll: boolean; legend: boolean }) {
  const x = costAxis('USD per 1,000 tasks (log scale)', options.maxCost);
  const y = qualityAxis('quality (95 % interval)', options.domainLow, options.labelAll ? 0.1 : 0.2);
  const low = { ...y, field: 'low' };
  const color = options.legend ? modelColor(modelIds) : { ...modelColor(modelIds), legend: null };
  return [
    {
      transform: [{ filter: 'datum.frontier' }],
      mark: { type: 'line', interpolate: 'step-after', strokeDash: [5, 4], color: '#64748b', strokeWidth: 1.5 },
      encoding: { x, y, order: { field: 'cost', type: 'quantitative' } },
    },
    {
      mark: { type: 'rule', strokeWidth: 2, opacity: 0.55 },
      encoding: { x, y: low, y2: { field: 'high' }, color },
    },
    {
      transform: [{ filter: '!datum.frontier' }],
      mark: { type: 'point', shape: 'circle', filled: true, size: 80, opacity: 1, stroke: '#ffffff', strokeWidth: 1 },
      encoding: { x, y, color },
    },
    {
      transform: [{ filter: 'datum.frontier' }],
      mark: { type: 'point', shape: 'diamond', filled: true, size: 150, opacity: 1, stroke: '#ffffff', strokeWidth: 1 },
      encoding: { x, y, color },
    },
    {
      // Small multiples name only the frontier models: the colour legend names the rest.
      ...(options.labelAll ? {} : { transform: [{ filter: 'datum.frontier' }] }),
      mark: { type: 'text', align: 'left', dx: 7, dy: -6, fontSize: options.labelSize, color: '#1e293b' },
      encoding: { x, y, text: { field: 'model' } },
    },
  ];
}
