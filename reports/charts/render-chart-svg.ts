import { logger, parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { assertSafeSvg } from './assert-safe-svg.ts';
import type { NamedChart, RenderedChart } from './named-chart.ts';

/**
 * Compiles a vega-lite spec and renders it to an SVG string in Node: a headless view (renderer
 * `none`), no DOM, no canvas, no network. Text widths are estimated, which is why chart
 * labels use the page's system font stack. Warnings are collected, not printed: library code
 * writes nothing to the console.
 */
export async function renderChartSvg(chart: NamedChart): Promise<RenderedChart> {
  const warnings: string[] = [];
  const log = logger(Warn, 'warn', (_method, _level, args) => warnings.push(args.map(String).join(' ')));
  const view = new View(parse(compile(chart.spec as unknown as TopLevelSpec, { logger: log }).spec), { renderer: 'none', logger: log });
  try {
    const svg = await view.toSVG();
    return { ...chart, svg: assertSafeSvg(svg), warnings };
  } finally {
    view.finalize();
  }
}
