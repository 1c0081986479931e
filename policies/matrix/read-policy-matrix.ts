import { listValue } from '../../harness/store/duckdb-api.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { RunRecord } from '../../harness/store/run-record.ts';
import type { Store } from '../../harness/store/store.ts';
import { createCellAccumulator } from './accumulate-cells.ts';
import type { MatrixModel, MatrixTask, PolicyMatrix } from './policy-matrix.ts';

const json = <T extends z.ZodType>(schema: T) => z.string().transform((text): z.output<T> => schema.parse(JSON.parse(text)));

const TaskRowSchema = z.object({ suite_id: z.string(), task_id: z.string(), category: z.string(), tags: z.array(z.string()), prompt: z.string() });
const ModelRowSchema = z.object({
  model_id: z.string(),
  provider: z.string(),
  model: z.string(),
  price: json(z.record(z.string(), z.number()).nullable()).nullable(),
  attributes: json(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  simulated: z.boolean(),
});

/**
 * Reads the runs' attempts as a tasks × models matrix. Filtering, numbering tasks and models and
 * sorting is SQL; the attempts then stream by in (task, model, run, repeat) order, chunk by chunk,
 * into typed columns (see `createCellAccumulator`), so neither a row object per attempt nor one
 * per cell is ever held. The fixed order makes every sum, and so the policy, byte-identical from
 * run to run. A task measured in several runs keeps the text of the latest run and pools the
 * attempts of all. Without the `check_passed` column (a store from before runtime checks), cells
 * simply have no check data and cascades are unavailable.
 */
export async function readPolicyMatrix(store: Store, runs: readonly RunRecord[]): Promise<PolicyMatrix> {
  const params = { runs: listValue(runs.map((run) => run.runId)) };
  const query = async <T extends z.ZodType>(sql: string, schema: T) => (await store.connection.runAndReadAll(sql, params)).getRowObjectsJS().map((row): z.output<T> => schema.parse(row));
  const hasCheckColumn = await readHasCheckColumn(store);
  const taskRows = await query(
    `SELECT t.suite_id, t.task_id, t.category, t.tags, t.prompt FROM tasks t JOIN runs r USING (run_id)
      WHERE t.run_id = ANY($runs)
      QUALIFY row_number() OVER (PARTITION BY t.suite_id, t.task_id ORDER BY r.started_at DESC, t.run_id DESC) = 1
      ORDER BY t.suite_id, t.task_id`,
    TaskRowSchema,
  );
  const modelRows = await query(
    `SELECT m.model_id, m.provider, m.model, m.price::VARCHAR AS price, m.attributes::VARCHAR AS attributes, m.simulated FROM run_models m JOIN runs r USING (run_id)
      WHERE m.run_id = ANY($runs)
      QUALIFY row_number() OVER (PARTITION BY m.model_id ORDER BY r.started_at DESC, m.run_id DESC) = 1
      ORDER BY m.model_id`,
    ModelRowSchema,
  );
  const tagSets = new Map<string, readonly string[]>();
  const internTags = (tags: readonly string[]) => {
    const sorted = [...tags].sort();
    const key = sorted.join('\u0000');
    const known = tagSets.get(key);
    if (known !== undefined) return known;
    tagSets.set(key, sorted);
    return sorted;
  };
  const tasks: MatrixTask[] = taskRows.map((row) => ({ suiteId: row.suite_id, taskId: row.task_id, category: row.category, tags: internTags(row.tags), prompt: row.prompt, promptChars: countCodePoints(row.prompt) }));
  const models: MatrixModel[] = modelRows.map((row) => ({ id: row.model_id, provider: row.provider, model: row.model, price: row.price, attributes: row.attributes, simulated: row.simulated }));
  // Tasks and models are numbered in SQL exactly as they were sorted above: same keys, same order.
  const cells = createCellAccumulator(tasks.length, models.length);
  const result = await store.connection.stream(
    `WITH task_index AS (
        SELECT suite_id, task_id, (row_number() OVER (ORDER BY suite_id, task_id) - 1)::INTEGER AS t
          FROM (SELECT DISTINCT t.suite_id, t.task_id FROM tasks t JOIN runs r USING (run_id) WHERE t.run_id = ANY($runs))),
      model_index AS (
        SELECT model_id, (row_number() OVER (ORDER BY model_id) - 1)::INTEGER AS m
          FROM (SELECT DISTINCT m.model_id FROM run_models m JOIN runs r USING (run_id) WHERE m.run_id = ANY($runs)))
     SELECT i.t, j.m, CASE WHEN a.status = 'ok' THEN 0 WHEN a.status IN ('error', 'timeout') THEN 1 ELSE 2 END::INTEGER AS status,
            a.score::DOUBLE AS score, a.cost_usd::DOUBLE AS cost, a.latency_ms::DOUBLE AS latency, ${hasCheckColumn ? 'a.check_passed' : 'NULL::BOOLEAN'} AS check_passed
       FROM attempts a JOIN task_index i USING (suite_id, task_id) JOIN model_index j USING (model_id)
      WHERE a.run_id = ANY($runs) AND a.status <> 'skipped'
      ORDER BY i.t, j.m, a.run_id, a.repeat_index`,
    params,
  );
  const numberOrNull = (value: DuckDBValue) => (typeof value === 'number' ? value : null);
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const [t, m, status, score, cost, latency, check] = Array.from({ length: 7 }, (_, c) => chunk.getColumnVector(c));
    if (t === undefined || m === undefined || status === undefined || score === undefined || cost === undefined || latency === undefined || check === undefined) throw new Error('the attempts query returns 7 columns');
    const rows = chunk.rowCount;
    for (let row = 0; row < rows; row += 1) {
      const passed = check.getItem(row);
      cells.add({
        t: Number(t.getItem(row)),
        m: Number(m.getItem(row)),
        status: Number(status.getItem(row)),
        score: numberOrNull(score.getItem(row)),
        cost: numberOrNull(cost.getItem(row)),
        latency: numberOrNull(latency.getItem(row)),
        checkPassed: typeof passed === 'boolean' ? passed : null,
      });
    }
  }
  const { columns, hasChecks } = cells.finish();
  return { tasks, models, columns, hasChecks };
}

/** Whether `attempts` has the `check_passed` column (added by a later migration). */
async function readHasCheckColumn(store: Store): Promise<boolean> {
  const reader = await store.connection.runAndReadAll("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'attempts' AND column_name = 'check_passed'");
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) > 0;
}

/** Length in Unicode code points, as `[...text].length`, without building the array. */
function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts as one.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}
