import type { MetricRow, ReportData } from '../report-data.ts';

/** Columns of the CSV, in order: what procurement pastes into a spreadsheet. */
const columns: readonly [string, (row: MetricRow) => string | number | null][] = [
  ['run_id', (row) => row.runId],
  ['model_id', (row) => row.modelId],
  ['category', (row) => row.category],
  ['attempts', (row) => row.attempts],
  ['ok', (row) => row.ok],
  ['errors', (row) => row.errors],
  ['timeouts', (row) => row.timeouts],
  ['error_rate', (row) => row.errorRate],
  ['graded', (row) => row.graded],
  ['passed', (row) => row.passed],
  ['quality', (row) => row.quality.estimate],
  ['quality_low', (row) => row.quality.low],
  ['quality_high', (row) => row.quality.high],
  ['quality_method', (row) => row.qualityMethod],
  ['pass_rate', (row) => row.passRate.estimate],
  ['pass_rate_low', (row) => row.passRate.low],
  ['pass_rate_high', (row) => row.passRate.high],
  ['mean_score', (row) => row.meanScore],
  ['cost_usd', (row) => row.costUsd],
  ['cost_per_task_usd', (row) => row.costPerTask],
  ['cost_per_correct_usd', (row) => row.costPerCorrect],
  ['unpriced_attempts', (row) => row.unpricedAttempts],
  ['latency_p50_ms', (row) => row.latencyP50Ms],
  ['latency_p95_ms', (row) => row.latencyP95Ms],
  ['latency_p99_ms', (row) => row.latencyP99Ms],
  ['ttft_p50_ms', (row) => row.ttftP50Ms],
  ['ttft_p95_ms', (row) => row.ttftP95Ms],
  ['input_tokens', (row) => row.inputTokens],
  ['output_tokens', (row) => row.outputTokens],
  ['reasoning_tokens', (row) => row.reasoningTokens],
  ['pass_at_k_k', (row) => row.passAtK?.k ?? null],
  ['pass_at_k', (row) => row.passAtK?.estimate ?? null],
  ['judge_calls', (row) => row.judgeCalls],
  ['judge_cost_usd', (row) => row.judgeCostUsd],
];

/** The per (model, category) table as RFC 4180 CSV, full-precision numbers, empty for "none". */
export function renderCsv(data: ReportData): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const row of data.cells) lines.push(columns.map(([, value]) => csvField(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Quotes where needed, and defuses text that a spreadsheet would run as a formula (a leading
 * `=`, `+`, `-`, `@`): data from the database must not become a formula in procurement's Excel.
 */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
