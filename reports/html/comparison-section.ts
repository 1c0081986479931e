import type { Comparison, ComparisonRow } from '../comparison-data.ts';
import { formatPercent, formatPoints, formatPointsRange, formatPValue, missing } from '../format/format-values.ts';
import { renderTable, type Column } from './render-table.ts';
import { html, type SafeHtml } from './safe-html.ts';

const verdictOrder = { regression: 0, improvement: 1, unchanged: 2, 'no-data': 3 } as const;

/** Baseline against candidate: the verdict first, then every paired row, flagged rows on top. */
export function renderComparison(comparison: Comparison, chart: SafeHtml | null): SafeHtml {
  const rows = [...comparison.rows].sort((a, b) => verdictOrder[a.verdict] - verdictOrder[b.verdict] || a.modelId.localeCompare(b.modelId) || (a.category ?? '').localeCompare(b.category ?? ''));
  const columns: Column<ComparisonRow>[] = [
    { label: 'Model', value: (row) => row.modelId, cell: (row) => html`<span class="model">${row.modelId}</span>` },
    { label: 'Category', value: (row) => row.category ?? '', cell: (row) => (row.category === null ? html`<em>all</em>` : row.category) },
    { label: 'Verdict', value: (row) => verdictOrder[row.verdict], cell: (row) => html`<span class="verdict ${row.verdict}">${row.verdict}</span>` },
    { label: 'Pairs', numeric: true, value: (row) => row.pairs, cell: (row) => String(row.pairs) },
    { label: 'Baseline', numeric: true, value: (row) => row.baseline, cell: (row) => formatPercent(row.baseline) },
    { label: 'Candidate', numeric: true, value: (row) => row.candidate, cell: (row) => formatPercent(row.candidate) },
    { label: 'Δ (95 % CI)', numeric: true, value: (row) => row.delta.estimate, cell: (row) => html`<span class="figure">${formatPoints(row.delta.estimate)}</span><span class="ci">${formatPointsRange(row.delta.low, row.delta.high)}</span>` },
    { label: 'Discordant', help: 'Pairs that passed only in the baseline / only in the candidate (McNemar’s discordant pairs).', numeric: true, value: (row) => row.onlyBaseline - row.onlyCandidate, cell: (row) => `${row.onlyBaseline} / ${row.onlyCandidate}` },
    { label: 'p', help: 'McNemar (pass/fail) or paired bootstrap (scores), two-sided.', numeric: true, value: (row) => row.pValue, cell: (row) => formatPValue(row.pValue) },
    { label: 'adj. p', help: `${comparison.adjust === 'holm' ? 'Holm-adjusted' : 'Unadjusted'} over all rows.`, numeric: true, value: (row) => row.adjustedPValue, cell: (row) => formatPValue(row.adjustedPValue) },
    { label: 'Errors', help: 'Error and timeout rate, baseline → candidate.', numeric: true, value: (row) => row.candidateErrorRate, cell: (row) => `${formatPercent(row.baselineErrorRate)} → ${formatPercent(row.candidateErrorRate)}` },
  ];
  const verdict = comparison.regressions > 0 ? 'bad' : comparison.improvements > 0 ? 'good' : 'neutral';
  return html`<p class="verdict-line ${verdict}"><strong>${comparison.regressions} significant regression${comparison.regressions === 1 ? '' : 's'}</strong> and ${comparison.improvements} improvement${comparison.improvements === 1 ? '' : 's'}
      from baseline <code>${comparison.baselineRunId}</code> to candidate <code>${comparison.candidateRunId}</code>
      (paired on shared tasks, ${comparison.adjust === 'holm' ? 'Holm-adjusted' : 'unadjusted'} p-values, α = ${comparison.alpha}).</p>
    ${comparison.changedPrompts > 0 ? html`<p class="note">${comparison.changedPrompts} paired attempts have a different prompt in the two runs (tasks edited under the same id).</p>` : null}
    ${chart}
    ${renderTable(columns, rows, { id: 'comparison-table', caption: `Regressions first. ${missing} = no shared graded attempts.`, rowClass: (row) => row.verdict })}`;
}
