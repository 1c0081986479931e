import { formatCount, formatUsd } from '../format/format-values.ts';
import type { FailureSample, JudgeCost, ReportData, RunSummary } from '../report-data.ts';
import { renderTable } from './render-table.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** Judge spending per judge model; nothing when the database has no judgments table. */
export function renderJudges(judges: readonly JudgeCost[] | null): SafeHtml | null {
  if (judges === null) return null;
  if (judges.length === 0) return html`<p>No LLM-judge calls in this run.</p>`;
  return renderTable(
    [
      { label: 'Judge model', value: (row: JudgeCost) => row.judgeModelId, cell: (row: JudgeCost) => html`<span class="model">${row.judgeModelId}</span>` },
      { label: 'Calls', numeric: true, value: (row) => row.calls, cell: (row) => formatCount(row.calls) },
      { label: 'Failed', numeric: true, value: (row) => row.errors, cell: (row) => formatCount(row.errors) },
      { label: 'Input tokens', numeric: true, value: (row) => row.inputTokens, cell: (row) => formatCount(row.inputTokens) },
      { label: 'Output tokens', numeric: true, value: (row) => row.outputTokens, cell: (row) => formatCount(row.outputTokens) },
      { label: 'Cost', numeric: true, value: (row) => row.costUsd, cell: (row) => formatUsd(row.costUsd) },
    ],
    judges,
    { id: 'judge-table', caption: 'Judge calls are the cost of grading, not of answering: they are not in any model’s cost per task.' },
  );
}

/** Examples of wrong and failed answers. Every string here is data and is escaped by `html`. */
export function renderFailures(failures: readonly FailureSample[]): SafeHtml {
  if (failures.length === 0) return html`<p>No wrong or failed answers.</p>`;
  const text = (value: string | null) => (value === null ? html`<span class="muted">—</span>` : html`<code class="sample">${value}</code>`);
  return renderTable(
    [
      { label: 'Model', value: (row: FailureSample) => row.modelId, cell: (row: FailureSample) => html`<span class="model">${row.modelId}</span>` },
      { label: 'Category', value: (row) => row.category, cell: (row) => row.category },
      { label: 'Task', value: (row) => `${row.suiteId}/${row.taskId}`, cell: (row) => html`${row.suiteId}/${row.taskId}${row.repeatIndex > 0 ? ` #${row.repeatIndex}` : ''}` },
      { label: 'Status', value: (row) => row.status, cell: (row) => html`<span class="${row.status === 'ok' ? '' : 'warn'}">${row.status === 'ok' ? 'wrong' : row.status}</span>` },
      { label: 'Expected', value: (row) => row.expected, cell: (row) => text(row.expected) },
      { label: 'Answer', value: (row) => row.output, cell: (row) => text(row.output) },
      { label: 'Why', value: (row) => row.explanation, cell: (row) => row.explanation ?? '' },
    ],
    failures,
    { id: 'failure-table', caption: 'The first wrong or failed answers per model and category, clipped to 280 characters.' },
  );
}

/** The runs behind the report, with what is needed to reproduce them. */
export function renderProvenance(data: ReportData): SafeHtml {
  return renderTable(
    [
      { label: 'Run', value: (row: RunSummary) => row.runId, cell: (row: RunSummary) => html`<code>${row.runId}</code>${row.runId === data.subject.runId ? html` <span class="tag">subject</span>` : null}` },
      { label: 'Status', value: (row) => row.status, cell: (row) => row.status },
      { label: 'Started (UTC)', value: (row) => row.startedAt, cell: (row) => row.startedAt.replace('T', ' ').slice(0, 19) },
      { label: 'Attempts', numeric: true, value: (row) => row.attempts, cell: (row) => formatCount(row.attempts) },
      { label: 'Models', value: (row) => row.models.length, cell: (row) => row.models.join(', ') },
      { label: 'Suites', value: (row) => row.suites.length, cell: (row) => row.suites.map((suite) => `${suite.id}@${suite.version}`).join(', ') },
      { label: 'Seed', numeric: true, value: (row) => row.seed, cell: (row) => String(row.seed) },
      { label: 'Git', value: (row) => row.gitRevision, cell: (row) => (row.gitRevision === null ? '—' : html`<code>${row.gitRevision.slice(0, 10)}</code>`) },
      { label: 'Simulated', value: (row) => String(row.simulated), cell: (row) => (row.simulated ? 'yes' : 'no') },
    ],
    data.runs,
    { id: 'run-table', caption: `baton ${data.subject.batonVersion}; source of the subject run: ${data.subject.source}.` },
  );
}
