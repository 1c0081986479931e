import * as aq from 'arquero';
import { formatMs, formatPercent, formatPercentRange, formatUsd } from '../format/format-values.ts';
import type { MetricRow, ReportData } from '../report-data.ts';
import { renderComparisonMarkdown } from './comparison-markdown.ts';
import { escapeMarkdown, markdownTable } from './markdown-table.ts';

const usdPerThousand = (value: number | null) => formatUsd(value === null ? null : value * 1000);
const quality = (row: MetricRow) => `${formatPercent(row.quality.estimate)}${row.quality.low === null ? '' : ` (${formatPercentRange(row.quality.low, row.quality.high)})`}`;

/** The report as Markdown fit for a pull-request comment: headline table, comparison, matrix folded. */
export function renderMarkdown(data: ReportData): string {
  const lines = [`## baton report · run \`${data.subject.runId}\``, ''];
  if (data.simulated) lines.push('> [!WARNING]', '> **Simulated models.** These results come from baton’s simulated fleet, not real providers.', '');
  lines.push(
    escapeMarkdown(`Started ${data.subject.startedAt.replace('T', ' ').slice(0, 16)} UTC · suites ${data.subject.suites.map((suite) => `${suite.id}@${suite.version}`).join(', ')} · ${data.models.length} models · ${data.subject.attempts} attempts`),
    '',
    markdownTable(
      ['Model', 'Quality (95 % CI)', 'Cost / 1k tasks', 'Cost / 1k correct', 'p95 latency', 'Errors', 'Graded'],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      data.models.map((row) => [row.modelId, quality(row), row.unpricedAttempts > 0 ? 'unpriced' : usdPerThousand(row.costPerTask), usdPerThousand(row.costPerCorrect), formatMs(row.latencyP95Ms), `${formatPercent(row.errorRate)} (${row.errors + row.timeouts})`, String(row.graded)]),
    ),
    '',
  );
  if (data.comparison !== null) lines.push(renderComparisonMarkdown(data.comparison));
  lines.push('<details><summary>Quality by category</summary>', '', qualityMatrix(data), '', '</details>', '');
  if (data.notes.length > 0) lines.push(...data.notes.map((note) => `- ${escapeMarkdown(note)}`), '');
  lines.push(`<sub>baton ${escapeMarkdown(data.subject.batonVersion)} · errors are kept apart from wrong answers · judge calls are not in the cost columns</sub>`, '');
  return lines.join('\n');
}

/** Model × category quality, pivoted with arquero; rows in headline order. */
function qualityMatrix(data: ReportData): string {
  const long = data.cells.map((cell) => ({ model: cell.modelId, category: cell.category ?? '', quality: formatPercent(cell.quality.estimate, 0) }));
  if (long.length === 0) return '';
  const wide = aq.from(long).groupby('model').pivot('category', { quality: 'op.any(d.quality)' }).objects() as Record<string, string | undefined>[];
  const byModel = new Map(wide.map((row) => [row.model ?? '', row]));
  return markdownTable(
    ['Model', ...data.categories],
    ['left', ...data.categories.map(() => 'right' as const)],
    data.models.map((model) => [model.modelId, ...data.categories.map((category) => byModel.get(model.modelId)?.[category] ?? '—')]),
  );
}
