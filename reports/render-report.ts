import { createCharts } from './charts/create-charts.ts';
import { renderChartSvg } from './charts/render-chart-svg.ts';
import type { NamedChart } from './charts/named-chart.ts';
import { renderCsv } from './csv/render-csv.ts';
import { renderReportHtml } from './html/render-report-html.ts';
import { renderMarkdown } from './markdown/render-markdown.ts';
import type { ReportData } from './report-data.ts';
import type { ReportFormat } from './report-format.ts';


/** A report in one format; `charts` are the vega-lite specs an HTML page was drawn from. */
export interface RenderedReport {
  readonly format: ReportFormat;
  readonly text: string;
  readonly charts: readonly NamedChart[];
  /** What vega-lite or vega warned about while drawing the charts; empty for a clean page. */
  readonly warnings: readonly string[];
}

/**
 * Renders report data in one format. HTML links its charts' specs under `specsFolder`
 * (relative to the page), where `writeReport` saves them.
 */
export async function renderReport(data: ReportData, format: ReportFormat, specsFolder = 'report.specs'): Promise<RenderedReport> {
  switch (format) {
    case 'html': {
      const charts = createCharts(data);
      const rendered = [];
      // One at a time: each vega view holds its scenegraph until finalized.
      for (const chart of charts) rendered.push(await renderChartSvg(chart));
      return { format, text: renderReportHtml(data, rendered, specsFolder), charts, warnings: rendered.flatMap((chart) => chart.warnings.map((warning) => `${chart.name}: ${warning}`)) };
    }
    case 'md':
      return { format, text: renderMarkdown(data), charts: [], warnings: [] };
    case 'csv':
      return { format, text: renderCsv(data), charts: [], warnings: [] };
    case 'json':
      return { format, text: `${JSON.stringify(data, null, 2)}\n`, charts: [], warnings: [] };
  }
}
