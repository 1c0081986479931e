import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { connectStore } from '../../harness/store/connect-store.ts';
import { ReportInputError } from '../report-input-error.ts';
import type { ReportStore, StoreSchema } from './report-store.ts';

/**
 * Opens a baton database read-only. Read-only because a report must never migrate a database
 * that a newer or older baton is using, and because several readers may share one file.
 * Tables added by later migrations are detected, so one report build reads old and new files.
 */
export async function openReportStore(path: string): Promise<ReportStore> {
  if (!existsSync(path)) throw new ReportInputError(`no database at ${path}. Fix: pass --db FILE or --results DIR, or run \`baton run\` first`);
  const store = await connectStore(path, 'read-only');
  const { connection } = store;
  const close = () => store.close();
  try {
    return { path, connection, schema: await readSchema(connection, path), close };
  } catch (error) {
    close();
    throw error;
  }
}

async function readSchema(connection: DuckDBConnection, path: string): Promise<StoreSchema> {
  const reader = await connection.runAndReadAll(
    `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
      WHERE table_schema = 'main' AND table_name IN ('runs', 'attempts', 'tasks', 'judgments')`,
  );
  const columns = new Set(reader.getRowObjectsJS().map((row) => z.string().parse(row.name)));
  for (const required of ['runs.run_id', 'attempts.run_id', 'tasks.category']) {
    if (!columns.has(required)) throw new ReportInputError(`${path} has no \`${required}\` column: is it a baton database?`);
  }
  const judgmentColumns = ['run_id', 'suite_id', 'task_id', 'model_id', 'judge_model_id', 'status', 'cost_usd', 'input_tokens', 'output_tokens'];
  return { hasJudgments: judgmentColumns.every((column) => columns.has(`judgments.${column}`)) };
}
