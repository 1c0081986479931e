import type { ReportData } from '../report-data.ts';
import { createCategoryCostQualityChart } from './category-cost-quality-chart.ts';
import { createComparisonChart } from './comparison-chart.ts';
import { createCostPerCorrectChart } from './cost-per-correct-chart.ts';
import { createCostQualityChart } from './cost-quality-chart.ts';
import { createLatencyChart } from './latency-chart.ts';
import type { NamedChart } from './named-chart.ts';
import { createPolicyChart } from './policy-chart.ts';
import { createQualityHeatmapChart } from './quality-heatmap-chart.ts';
import { createTrendChart } from './trend-chart.ts';

/** Every chart the data supports, in page order; a chart without data is left out, not drawn empty. */
export function createCharts(data: ReportData): NamedChart[] {
  const order = data.models.map((model) => model.modelId);
  return [
    data.comparison === null ? undefined : createComparisonChart(data.comparison),
    createCostQualityChart(data.models),
    createQualityHeatmapChart(data.cells, order),
    createCostPerCorrectChart(data.models),
    createLatencyChart(data.latency, order),
    createCategoryCostQualityChart(data.cells, order),
    createTrendChart(data.trend, data.runs),
    data.policy === null ? undefined : createPolicyChart(data.policy, data.models),
  ].filter((chart) => chart !== undefined);
}
