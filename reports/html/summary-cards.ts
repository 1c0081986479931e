import { formatCount, formatMs, formatPercent, formatPercentRange, formatUsd } from '../format/format-values.ts';
import type { MetricRow, ReportData } from '../report-data.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** The four facts a reader wants before any table: best quality, cheapest correct answer, fastest, scope. */
export function renderSummaryCards(data: ReportData): SafeHtml {
  const best = data.models[0];
  const cheapest = pick(data.models, (row) => row.costPerCorrect);
  const fastest = pick(data.models, (row) => row.latencyP95Ms);
  const card = (label: string, value: string, detail: string, note: string) => html`<div class="card"><div class="card-label">${label}</div><div class="card-value">${value}</div><div class="card-detail">${detail}</div><div class="card-note">${note}</div></div>`;
  return html`<div class="cards">
    ${best === undefined ? null : card('Highest quality', best.modelId, formatPercent(best.quality.estimate), `95 % CI ${formatPercentRange(best.quality.low, best.quality.high)}`)}
    ${cheapest === undefined ? null : card('Cheapest correct answer', cheapest.modelId, `${formatUsd((cheapest.costPerCorrect ?? 0) * 1000)} per 1k correct`, `at ${formatPercent(cheapest.quality.estimate)} quality`)}
    ${fastest === undefined ? null : card('Fastest (p95 latency)', fastest.modelId, formatMs(fastest.latencyP95Ms), `at ${formatPercent(fastest.quality.estimate)} quality`)}
    ${card('Scope', `${data.models.length} models × ${data.categories.length} categories`, `${formatCount(data.subject.attempts)} attempts`, data.subject.suites.map((suite) => suite.id).join(', '))}
  </div>`;
}

function pick(rows: readonly MetricRow[], value: (row: MetricRow) => number | null): MetricRow | undefined {
  return rows.filter((row) => value(row) !== null).sort((a, b) => (value(a) ?? 0) - (value(b) ?? 0) || (b.quality.estimate ?? 0) - (a.quality.estimate ?? 0))[0];
}
