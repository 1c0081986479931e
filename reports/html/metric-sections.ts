import type { ReportData } from '../report-data.ts';
import { metricColumns, modelColumn, optionalColumns } from './metric-cells.ts';
import { renderTable } from './render-table.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** The headline table: one row per model, best quality first. */
export function renderHeadline(data: ReportData): SafeHtml {
  const columns = [modelColumn(), metricColumns.quality, metricColumns.costPerTask, metricColumns.costPerCorrect, metricColumns.p95, metricColumns.errors, metricColumns.graded, ...optionalColumns(data.models)];
  return renderTable(columns, data.models, { id: 'headline-table', caption: 'Per model, over all categories. Click a column to sort.' });
}

/** Latency, time to first token, tokens and total cost per model. */
export function renderModelDetails(data: ReportData): SafeHtml {
  const c = metricColumns;
  const columns = [modelColumn(), c.p50, c.p95, c.p99, c.ttft50, c.ttft95, c.inputTokens, c.outputTokens, c.reasoningTokens, c.costUsd];
  return renderTable(columns, data.models, { id: 'details-table', caption: 'Latency over answered attempts; tokens and cost over all attempts of the run.' });
}

/** The per (model, category) table, category by category, models in headline order. */
export function renderCategoryTable(data: ReportData): SafeHtml {
  const order = new Map(data.models.map((model, index) => [model.modelId, index]));
  const rows = [...data.cells].sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '') || (order.get(a.modelId) ?? 0) - (order.get(b.modelId) ?? 0));
  const category = { label: 'Category', value: (row: (typeof rows)[number]) => row.category, cell: (row: (typeof rows)[number]) => row.category ?? '' };
  const c = metricColumns;
  const columns = [category, modelColumn(), c.quality, c.costPerTask, c.costPerCorrect, c.p95, c.ttft50, c.errors, c.graded, c.meanTokens, ...optionalColumns(data.cells)];
  return html`${renderTable(columns, rows, { id: 'category-table', caption: 'Per model and category. The CSV output (--format csv) holds this table with every figure, p50 and p99 latency included.' })}`;
}
