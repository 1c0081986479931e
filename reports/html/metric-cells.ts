import { formatCount, formatMs, formatPercent, formatPercentRange, formatUsd, missing } from '../format/format-values.ts';
import type { MetricRow, ReportInterval } from '../report-data.ts';
import { html, type SafeHtml } from './safe-html.ts';
import type { Column } from './render-table.ts';

/** A figure with its interval under it. */
export function intervalCell(interval: ReportInterval): SafeHtml {
  if (interval.estimate === null) return html`${missing}`;
  return html`<span class="figure">${formatPercent(interval.estimate)}</span><span class="ci">${formatPercentRange(interval.low, interval.high)}</span>`;
}

const perThousand = (value: number | null) => (value === null ? null : value * 1000);
const rounded = (value: number | null) => (value === null ? missing : formatCount(value));
const ms = (label: string, pick: (row: MetricRow) => number | null, help?: string): Column<MetricRow> => ({ label, ...(help === undefined ? {} : { help }), numeric: true, value: pick, cell: (row) => formatMs(pick(row)) });

/** The metric columns of the tables, by name; each table picks the ones it shows. */
export const metricColumns = {
  quality: { label: 'Quality (95 % CI)', help: 'Pass rate with a Wilson interval, or mean score with a seeded bootstrap interval for partial-credit scorers. Errors are excluded.', numeric: true, value: (row) => row.quality.estimate, cell: (row) => intervalCell(row.quality) },
  costPerTask: { label: 'Cost / 1k tasks', help: 'Candidate-model cost per 1,000 attempts (judge calls not included).', numeric: true, value: (row) => perThousand(row.costPerTask), cell: (row) => (row.unpricedAttempts > 0 ? html`<span title="some answers have no price">unpriced</span>` : formatUsd(perThousand(row.costPerTask))) },
  costPerCorrect: { label: 'Cost / 1k correct', help: 'Everything the model cost, divided by its correct answers, per 1,000 correct answers.', numeric: true, value: (row) => perThousand(row.costPerCorrect), cell: (row) => formatUsd(perThousand(row.costPerCorrect)) },
  p50: ms('p50 latency', (row) => row.latencyP50Ms),
  p95: ms('p95 latency', (row) => row.latencyP95Ms),
  p99: ms('p99 latency', (row) => row.latencyP99Ms),
  ttft50: ms('TTFT p50', (row) => row.ttftP50Ms, 'Median time to first token.'),
  ttft95: ms('TTFT p95', (row) => row.ttftP95Ms, '95th percentile of time to first token.'),
  errors: { label: 'Errors', help: 'Errors and timeouts per attempt, kept apart from wrong answers.', numeric: true, value: (row) => row.errorRate, cell: (row) => html`<span class="figure ${(row.errorRate ?? 0) > 0 ? 'warn' : ''}">${formatPercent(row.errorRate)}</span><span class="ci">${row.errors + row.timeouts} of ${row.attempts}</span>` },
  graded: { label: 'Graded', help: 'Answers with a pass/fail verdict: the n behind the quality figure.', numeric: true, value: (row) => row.graded, cell: (row) => formatCount(row.graded) },
  meanTokens: { label: 'Tokens in / out', help: 'Mean input and output tokens per answer.', numeric: true, value: (row) => row.meanOutputTokens, cell: (row) => `${rounded(row.meanInputTokens)} / ${rounded(row.meanOutputTokens)}` },
  inputTokens: { label: 'Input tokens', numeric: true, value: (row) => row.inputTokens, cell: (row) => rounded(row.inputTokens) },
  outputTokens: { label: 'Output tokens', numeric: true, value: (row) => row.outputTokens, cell: (row) => rounded(row.outputTokens) },
  reasoningTokens: { label: 'of which reasoning', numeric: true, value: (row) => row.reasoningTokens, cell: (row) => rounded(row.reasoningTokens) },
  costUsd: { label: 'Total cost', numeric: true, value: (row) => row.costUsd, cell: (row) => formatUsd(row.costUsd) },
  passAtK: {
    label: 'pass@k',
    help: 'Chance that at least one of k repeats passes (unbiased estimator), over tasks with k graded repeats; flaky = tasks whose repeats disagree.',
    numeric: true,
    value: (row) => row.passAtK?.estimate ?? null,
    cell: (row) => (row.passAtK === null ? missing : html`<span class="figure">${formatPercent(row.passAtK.estimate)}</span><span class="ci">k = ${row.passAtK.k}, ${row.passAtK.flakyTasks} flaky</span>`),
  },
  judgeCost: { label: 'Judge cost', help: 'LLM-judge calls on these answers, booked apart from the model’s own cost.', numeric: true, value: (row) => row.judgeCostUsd, cell: (row) => html`<span class="figure">${formatUsd(row.judgeCostUsd)}</span><span class="ci">${row.judgeCalls ?? 0} calls</span>` },
} satisfies Record<string, Column<MetricRow>>;

/** The model column, with the simulated mark where it applies. */
export function modelColumn(label = 'Model'): Column<MetricRow> {
  return { label, value: (row) => row.modelId, cell: (row) => html`<span class="model">${row.modelId}</span>` };
}

/** The optional columns, present only when some row has data for them. */
export function optionalColumns(rows: readonly MetricRow[]): Column<MetricRow>[] {
  const columns: Column<MetricRow>[] = [];
  if (rows.some((row) => row.passAtK !== null)) columns.push(metricColumns.passAtK);
  if (rows.some((row) => (row.judgeCalls ?? 0) > 0)) columns.push(metricColumns.judgeCost);
  return columns;
}
