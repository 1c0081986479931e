import Table from 'cli-table3';
import type { RunOutcome } from '../harness/run/run-options.ts';
import type { ModelSummary } from '../harness/store/summarize-run.ts';

/** The end-of-run table: one line per model. */
export function formatSummary(outcome: RunOutcome, rows: readonly ModelSummary[]): string {
  const table = new Table({
    head: ['model', 'n', 'ok', 'errors', 'pass rate', 'cost USD', 'p50 latency ms'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) {
    table.push([
      row.model_id,
      row.attempts,
      row.ok,
      row.errors,
      row.pass_rate === null ? '-' : `${(row.pass_rate * 100).toFixed(1)}%`,
      row.cost_usd === null ? 'unpriced' : row.cost_usd.toFixed(4),
      row.p50_latency_ms === null ? '-' : row.p50_latency_ms.toFixed(0),
    ]);
  }
  const stored = Object.values(outcome.executed).reduce((sum, count) => sum + count, 0);
  const header = `run ${outcome.runId}: ${outcome.status}, ${stored} attempts stored now${outcome.alreadyDone > 0 ? ` (+${outcome.alreadyDone} before)` : ''} of ${outcome.planned} planned, ${(outcome.durationMs / 1000).toFixed(1)} s`;
  const banner = outcome.simulated ? '\nSIMULATED: these results come from simulated models, not real providers.' : '';
  return `${header}${banner}\n${table.toString()}\n`;
}
