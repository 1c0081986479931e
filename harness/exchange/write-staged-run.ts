import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { insertRun, setRunStatus } from '../store/write-run.ts';
import { readBatonVersion } from '../run/read-provenance.ts';
import { stagedRowsTable } from './staged-rows.ts';
import { cellText, sqlString } from './sql-text.ts';

/** Provenance of an import, recorded in `runs.options.import`. */
export interface ImportProvenance {
  readonly format: string;
  readonly files: readonly { path: string; sha256: string }[];
  readonly [setting: string]: unknown;
}

const number = (column: string) => `TRY_CAST(nullif(trim(${column}), '') AS DOUBLE)`;
const count = (column: string) => `CAST(round(${number(column)}) AS BIGINT)`;

/**
 * Writes the checked staged rows as one completed run, in one transaction: a failure leaves no
 * trace. Imported runs carry no prices (`null`) but each attempt's recorded cost; `passed` is the
 * data's own verdict where it has one, else score ≥ 0.5.
 */
export async function writeStagedRun(store: Store, runId: string, provenance: ImportProvenance, suitePaths: readonly string[]): Promise<void> {
  const query = async (sql: string) => (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
  const models = (await query(`SELECT DISTINCT model_id FROM ${stagedRowsTable} ORDER BY model_id`)).map((row) => cellText(row.model_id));
  const suites = (await query(`SELECT suite_id, min(source_file) AS file FROM ${stagedRowsTable} GROUP BY suite_id ORDER BY suite_id`)).map((row) => ({ id: cellText(row.suite_id), file: cellText(row.file) }));
  const [planned] = await query(`SELECT count(*) AS n FROM ${stagedRowsTable}`);
  const sourceHash = createHash('sha256').update(JSON.stringify(provenance)).digest('hex');
  await store.connection.run('BEGIN TRANSACTION');
  try {
    await insertRun(store, {
      runId, status: 'running', startedAt: new Date(), finishedAt: null, seed: 0, simulated: false, plannedAttempts: Number(planned?.n ?? 0),
      source: 'import', parentRunId: null, configFile: null, configHash: sourceHash, suitePaths,
      suites: suites.map((suite) => ({ id: suite.id, version: 'import', file: suite.file, hash: sourceHash.slice(0, 16) })),
      gitRevision: null, packageVersions: {}, priceSnapshot: Object.fromEntries(models.map((model) => [model, null])), batonVersion: readBatonVersion(),
      options: { import: provenance },
    });
    const run = sqlString(runId);
    await store.connection.run(`INSERT INTO run_models SELECT DISTINCT ${run}, model_id, 'import', model_id, 'import:' || model_id, NULL, '{}', false FROM ${stagedRowsTable}`);
    await store.connection.run(`INSERT INTO tasks SELECT ${run}, suite_id, task_id, 'import', arg_min(category, (source_file, source_row)), [], NULL,
        coalesce(arg_min(prompt, (source_file, source_row)), ''), substr(sha256(chr(1) || coalesce(arg_min(prompt, (source_file, source_row)), '')), 1, 16),
        to_json(arg_min(expected, (source_file, source_row))), '{"type":"import"}', CAST(max(${number('repeat_index')}) AS INTEGER) + 1
      FROM ${stagedRowsTable} GROUP BY suite_id, task_id`);
    await store.connection.run(`INSERT INTO attempts (run_id, suite_id, task_id, model_id, repeat_index, status, output, score, passed, input_tokens, output_tokens, reasoning_tokens, cost_usd, latency_ms, retries, started_at, finished_at)
      SELECT ${run}, suite_id, task_id, model_id, CAST(coalesce(${number('repeat_index')}, 0) AS INTEGER), 'ok', output, ${number('score')},
        coalesce(TRY_CAST(nullif(trim(passed), '') AS BOOLEAN), ${number('score')} >= 0.5), ${count('input_tokens')}, ${count('output_tokens')}, ${count('reasoning_tokens')},
        ${number('cost_usd')}, ${number('latency_ms')}, 0, current_timestamp, current_timestamp
      FROM ${stagedRowsTable}`);
    await setRunStatus(store, runId, 'completed');
    await store.connection.run('COMMIT');
  } catch (error) {
    await store.connection.run('ROLLBACK');
    throw error;
  }
}
