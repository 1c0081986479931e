import { InputError } from '../core/input-error.ts';
import type { Store } from '../store/store.ts';
import { requiredExportColumns } from './export-columns.ts';
import type { InputFile } from './list-input-files.ts';
import { readColumnNames, runOnFile, tableReader } from './read-input-table.ts';
import { cellText, sqlString } from './sql-text.ts';

/** The temporary table holding the rows of baton export files, all text, with `source_file`. */
export const exportedRowsTable = 'exported_rows';

/**
 * Loads export files (Parquet or CSV, as written by `baton export-results`) into
 * {@link exportedRowsTable}. Values are kept as text and cast once on the way into the run
 * tables, so that CSV and Parquet exports restore to the same values.
 */
export async function loadExportedRows(store: Store, files: readonly InputFile[]): Promise<void> {
  await store.connection.run(`DROP TABLE IF EXISTS ${exportedRowsTable}`);
  let created = false;
  for (const { path } of files) {
    const columns = await readColumnNames(store, path);
    const missing = requiredExportColumns.filter((column) => !columns.includes(column));
    if (missing.length > 0) {
      throw new InputError([{ file: path, path: '', message: `not a baton export: missing column(s) ${missing.map((column) => `\`${column}\``).join(', ')}`, fix: 'pass files written by `baton export-results`' }]);
    }
    const select = `SELECT CAST(COLUMNS(*) AS VARCHAR), ${sqlString(path)} AS source_file FROM ${tableReader(path)}`;
    await runOnFile(path, () => store.connection.run(created ? `INSERT INTO ${exportedRowsTable} BY NAME ${select}` : `CREATE TEMP TABLE ${exportedRowsTable} AS ${select}`));
    created = true;
  }
}

/** One source run found in the loaded files. */
export interface ExportedRun {
  readonly file: string;
  readonly runId: string;
  readonly status: string;
  readonly source: string;
  readonly configHash: string;
  readonly configFile: string | null;
  readonly suites: string;
  readonly suitePaths: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly simulated: boolean;
  readonly planned: number;
  readonly gitRevision: string | null;
  readonly packageVersions: string;
  readonly priceSnapshot: string;
}

/** The (file, run) pairs of the loaded rows, in file order. */
export async function readExportedRuns(store: Store): Promise<ExportedRun[]> {
  const reader = await store.connection.runAndReadAll(`SELECT source_file, run_id, any_value(run_status) AS status, any_value(run_source) AS source, any_value(run_config_hash) AS config_hash,
      any_value(run_config_file) AS config_file, any_value(run_suites) AS suites, any_value(run_suite_paths) AS suite_paths, any_value(run_options) AS options, any_value(run_seed) AS seed,
      any_value(run_simulated) AS simulated, any_value(run_planned_attempts) AS planned, any_value(run_git_revision) AS git, any_value(run_package_versions) AS packages, any_value(run_price_snapshot) AS prices
    FROM ${exportedRowsTable} GROUP BY source_file, run_id ORDER BY min(rowid)`);
  return reader.getRowObjectsJS().map((row) => ({
    file: cellText(row.source_file), runId: cellText(row.run_id), status: cellText(row.status ?? 'completed'), source: cellText(row.source ?? 'run'),
    configHash: cellText(row.config_hash), configFile: row.config_file === null ? null : cellText(row.config_file), suites: cellText(row.suites), suitePaths: cellText(row.suite_paths ?? '[]'),
    options: JSON.parse(cellText(row.options ?? '{}')) as Record<string, unknown>, seed: Number(row.seed), simulated: cellText(row.simulated) === 'true', planned: Number(row.planned ?? 0),
    gitRevision: row.git === null ? null : cellText(row.git), packageVersions: cellText(row.packages ?? '{}'), priceSnapshot: cellText(row.prices ?? '{}'),
  }));
}

/** Throws when an attempt key appears twice across the loaded files (the same shard merged twice, overlapping exports). */
export async function checkDuplicateAttempts(store: Store): Promise<void> {
  const reader = await store.connection.runAndReadAll(`SELECT suite_id, task_id, model_id, repeat_index, list(source_file ORDER BY source_file) AS files, count(*) AS n
    FROM ${exportedRowsTable} GROUP BY ALL HAVING count(*) > 1 ORDER BY suite_id, task_id, model_id, repeat_index LIMIT 5`);
  const rows = reader.getRowObjectsJS();
  if (rows.length === 0) return;
  const [total] = (await store.connection.runAndReadAll(`SELECT count(*) AS n FROM (SELECT 1 FROM ${exportedRowsTable} GROUP BY suite_id, task_id, model_id, repeat_index HAVING count(*) > 1)`)).getRowObjectsJS();
  throw new InputError(rows.map((row) => ({
    file: [...new Set((row.files as unknown[]).map(String))].join(', '),
    path: `attempt (${cellText(row.suite_id)}, ${cellText(row.task_id)}, ${cellText(row.model_id)}, repeat ${cellText(row.repeat_index)})`,
    message: `stored ${cellText(row.n)} times (${cellText(total?.n ?? rows.length)} duplicated attempt(s) in all)`,
    fix: 'merge each shard once, and only shards of one run split with --shard i/n',
  })));
}
