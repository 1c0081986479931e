import type { Config } from 'vega-lite';

/** The system font stack of the page: a report that opens offline cannot fetch web fonts. */
export const fontStack = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Shared look of every chart, kept in the spec so that re-rendering elsewhere looks the same. */
export const chartConfig: Config = {
  font: fontStack,
  background: '#ffffff',
  padding: 8,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, labelColor: '#334155', titleColor: '#0f172a', gridColor: '#e5e7eb', domainColor: '#94a3b8', tickColor: '#94a3b8' },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600 },
  header: { labelFontSize: 12, labelFontWeight: 600, labelColor: '#0f172a', title: null },
  text: { fontSize: 11 },
};

/** One colour per model, the same in every chart: a fixed domain over a fixed palette. */
export function modelColor(modelIds: readonly string[]) {
  return { field: 'model', type: 'nominal', title: 'model', scale: { domain: [...modelIds].sort(), scheme: 'tableau10' } };
}

/** Costs are shown per 1,000 tasks: fractions of a cent per task are hard to read and compare. */
export const perThousand = 1000;

/**
 * A symmetric-log cost axis: prices across models span four orders of magnitude and a local model
 * costs 0, which a plain log scale cannot place.
 */
export function costAxis(title: string, maxCost: number) {
  // 1-2-5 ticks from a cent per 1,000 tasks up to the dearest model; crowded labels are dropped.
  const ticks = [0];
  for (let decade = 0.01; decade <= Math.max(maxCost, 0.01); decade *= 10) {
    for (const step of [1, 2, 5]) if (decade * step <= maxCost * 1.05 || ticks.length === 1) ticks.push(Number((decade * step).toPrecision(1)));
  }
  return { field: 'cost', type: 'quantitative', title, scale: { type: 'symlog', constant: 0.01, nice: false, padding: 14 }, axis: { values: ticks, format: '$,~g', labelOverlap: 'greedy' } };
}

/** The quality axis: a share, in percent. */
export function qualityAxis(title = 'quality (95 % interval)', domainLow = 0, tickStep = 0.1) {
  // Headroom above 100 % keeps the names of the best models inside the plot.
  const steps = Math.round(1 / tickStep);
  const ticks = Array.from({ length: steps + 1 }, (_, index) => index / steps).filter((tick) => tick >= domainLow - 1e-9);
  return { field: 'quality', type: 'quantitative', title, scale: { domain: [domainLow, 1.06], clamp: true, nice: false }, axis: { format: '.0%', values: ticks } };
}
