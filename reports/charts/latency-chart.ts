import type { LatencySpread } from '../report-data.ts';
import { chartConfig, modelColor } from './chart-theme.ts';
import type { NamedChart } from './named-chart.ts';

const kindLabels: Record<LatencySpread['kind'], string> = { latency: 'end-to-end latency', ttft: 'time to first token' };

/** Latency distributions per model from precomputed quantiles: whiskers p5–p99, box p25–p75, median tick. */
export function createLatencyChart(spreads: readonly LatencySpread[], modelOrder: readonly string[]): NamedChart | undefined {
  if (spreads.length === 0) return undefined;
  const values = spreads.map((spread) => ({ ...spread, model: spread.modelId, kind: kindLabels[spread.kind] }));
  const x = { type: 'quantitative', title: 'milliseconds' } as const;
  const y = { field: 'model', type: 'nominal', sort: [...modelOrder], title: null } as const;
  const color = { ...modelColor(modelOrder), legend: null };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    data: { values },
    facet: { row: { field: 'kind', type: 'nominal', title: null, sort: Object.values(kindLabels), header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    spec: {
      width: 600,
      height: Math.max(60, modelOrder.length * 24),
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'p5' }, x2: { field: 'p99' }, color } },
        { mark: { type: 'bar', size: 12, opacity: 0.85 }, encoding: { y, x: { ...x, field: 'p25' }, x2: { field: 'p75' }, color } },
        { mark: { type: 'tick', color: '#0f172a', thickness: 2, size: 14 }, encoding: { y, x: { ...x, field: 'p50' } } },
        { mark: { type: 'point', shape: 'triangle-down', filled: true, size: 40, color: '#0f172a' }, encoding: { y, x: { ...x, field: 'p95' } } },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  };
  return {
    name: 'latency',
    title: 'Latency distributions',
    caption: 'Per model, over answered attempts: the line spans p5 to p99, the box p25 to p75, the dark tick is the median and the triangle p95.',
    spec,
  };
}
