import type { Store } from '../store/store.ts';
import type { RunRecord } from '../store/run-record.ts';
import { insertRun, setRunStatus } from '../store/write-run.ts';
import { exportedRowsTable } from './load-exported-rows.ts';
import { sqlString } from './sql-text.ts';

/**
 * Writes the loaded export rows as one run, in one transaction: the run row, then models, tasks
 * and attempts restored from the flat columns (first occurrence wins for model and task columns,
 * which agree within one source run).
 */
export async function restoreExportedRun(store: Store, run: RunRecord, finalStatus: RunRecord['status']): Promise<void> {
  const id = sqlString(run.runId);
  const first = (column: string) => `arg_min(${column}, rowid)`;
  await store.connection.run('BEGIN TRANSACTION');
  try {
    await insertRun(store, run);
    await store.connection.run(`INSERT INTO run_models SELECT ${id}, model_id, ${first('model_provider')}, ${first('model_name')}, ${first('model_connection_key')},
        CAST(${first('model_price')} AS JSON), CAST(coalesce(${first('model_attributes')}, '{}') AS JSON), CAST(coalesce(${first('model_simulated')}, 'false') AS BOOLEAN)
      FROM ${exportedRowsTable} GROUP BY model_id`);
    await store.connection.run(`INSERT INTO tasks SELECT ${id}, suite_id, task_id, coalesce(${first('task_suite_version')}, 'import'), ${first('task_category')},
        CAST(coalesce(${first('task_tags')}, '[]') AS VARCHAR[]), ${first('task_system')}, ${first('task_prompt')},
        coalesce(${first('task_prompt_hash')}, substr(sha256(chr(1) || ${first('task_prompt')}), 1, 16)), CAST(${first('task_expected')} AS JSON),
        CAST(coalesce(${first('task_scorer')}, '{"type":"import"}') AS JSON), CAST(coalesce(${first('task_repeats')}, '1') AS INTEGER)
      FROM ${exportedRowsTable} GROUP BY suite_id, task_id`);
    const optional = (column: string, type: string) => `TRY_CAST(${column} AS ${type})`;
    await store.connection.run(`INSERT INTO attempts (run_id, suite_id, task_id, model_id, repeat_index, status, output, score, passed, extracted, explanation, finish_reason,
        input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens, cost_usd, latency_ms, ttft_ms, retries, error_code, error_message, started_at, finished_at, check_passed)
      SELECT ${id}, suite_id, task_id, model_id, CAST(repeat_index AS INTEGER), status, output, CAST(score AS DOUBLE), CAST(passed AS BOOLEAN), extracted, explanation, finish_reason,
        ${optional('input_tokens', 'BIGINT')}, ${optional('output_tokens', 'BIGINT')}, ${optional('cached_input_tokens', 'BIGINT')}, ${optional('cache_write_tokens', 'BIGINT')}, ${optional('reasoning_tokens', 'BIGINT')},
        ${optional('cost_usd', 'DOUBLE')}, ${optional('latency_ms', 'DOUBLE')}, ${optional('ttft_ms', 'DOUBLE')}, coalesce(${optional('retries', 'INTEGER')}, 0), error_code, error_message,
        coalesce(${optional('started_at', 'TIMESTAMP')}, current_timestamp), coalesce(${optional('finished_at', 'TIMESTAMP')}, current_timestamp), ${optional('check_passed', 'BOOLEAN')}
      FROM ${exportedRowsTable} ORDER BY suite_id, task_id, model_id, CAST(repeat_index AS INTEGER)`);
    if (finalStatus !== 'running') await setRunStatus(store, run.runId, finalStatus);
    await store.connection.run('COMMIT');
  } catch (error) {
    await store.connection.run('ROLLBACK');
    throw error;
  }
}
