import type { MetricRow } from '../report-data.ts';
import { perThousand } from './chart-theme.ts';
import { paretoFrontier } from './pareto-frontier.ts';

/** One model's point on a cost-quality chart. */
export interface CostQualityRow {
  readonly model: string;
  readonly category: string;
  /** USD per 1,000 tasks. */
  readonly cost: number;
  readonly quality: number;
  readonly low: number;
  readonly high: number;
  readonly frontier: boolean;
}

/**
 * Chart rows of metric rows with a price and a quality, the Pareto frontier marked per category
 * (or overall). Unpriced models are left out: they have no place on a cost axis.
 */
export function costQualityRows(rows: readonly MetricRow[]): CostQualityRow[] {
  const points = rows.flatMap((row) =>
    row.costPerTask === null || row.quality.estimate === null
      ? []
      : [{ model: row.modelId, category: row.category ?? 'all categories', cost: row.costPerTask * perThousand, quality: row.quality.estimate, low: row.quality.low ?? row.quality.estimate, high: row.quality.high ?? row.quality.estimate, frontier: false }],
  );
  const categories = [...new Set(points.map((point) => point.category))];
  const onFrontier = new Set(categories.flatMap((category) => paretoFrontier(points.filter((point) => point.category === category))));
  return points.map((point) => ({ ...point, frontier: onFrontier.has(point) }));
}
