import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../store/store.ts';
import { exportSelectSql } from './export-columns.ts';
import { cellText, sqlString } from './sql-text.ts';

/** File formats of `baton export-results`. */
export type ExportFormat = 'parquet' | 'csv';

/** Writes one run's attempts (with run, model and task columns) to `file`; returns the row count. */
export async function exportResults(store: Store, runId: string, format: ExportFormat, file: string): Promise<number> {
  mkdirSync(dirname(file), { recursive: true });
  const select = `${exportSelectSql} WHERE a.run_id = ${sqlString(runId)} ORDER BY a.suite_id, a.task_id, a.model_id, a.repeat_index`;
  const options = format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(FORMAT csv, HEADER true)';
  await store.connection.run(`COPY (${select}) TO ${sqlString(file)} ${options}`);
  const reader = await store.connection.runAndReadAll('SELECT count(*) AS n FROM attempts WHERE run_id = $runId', { runId });
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
}

/** The most recently started run, or `undefined` in an empty database. */
export async function latestRunId(store: Store): Promise<string | undefined> {
  const reader = await store.connection.runAndReadAll('SELECT run_id FROM runs ORDER BY started_at DESC, run_id DESC LIMIT 1');
  const row = reader.getRowObjectsJS()[0];
  return row === undefined ? undefined : cellText(row.run_id);
}
