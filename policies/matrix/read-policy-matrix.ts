import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { RunRecord } from '../../harness/store/run-record.ts';
import type { Store } from '../../harness/store/store.ts';
import type { MatrixCell, MatrixModel, MatrixTask, PolicyMatrix } from './policy-matrix.ts';

const count = z.union([z.bigint(), z.number()]).transform(Number);
const numbers = z.array(z.number().nullable()).nullable().transform((values) => (values ?? []).filter((value): value is number => value !== null));
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
const CellRowSchema = z.object({
  suite_id: z.string(),
  task_id: z.string(),
  model_id: z.string(),
  attempts: count,
  errors: count,
  scores: numbers,
  costs: numbers,
  latencies: numbers,
  checked: count,
  check_passes: count,
  checked_scores: numbers,
});

/**
 * Reads the runs' attempts as a tasks × models matrix. The heavy work (filtering, grouping per
 * task and model) is SQL; lists come back in a fixed order so that the sums made from them, and so
 * the policy, are byte-identical from run to run. A task measured in several runs keeps the text
 * of the latest run and pools the attempts of all. Without the `check_passed` column (a store from
 * before runtime checks), cells simply have no check data and cascades are unavailable.
 */
export async function readPolicyMatrix(store: Store, runs: readonly RunRecord[]): Promise<PolicyMatrix> {
  const runIds = listValue(runs.map((run) => run.runId));
  const query = async <T extends z.ZodType>(sql: string, schema: T) => (await store.connection.runAndReadAll(sql, { runs: runIds })).getRowObjectsJS().map((row): z.output<T> => schema.parse(row));
  const hasCheckColumn = await readHasCheckColumn(store);
  const check = (sql: string, otherwise: string) => (hasCheckColumn ? sql : otherwise);
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
  const order = 'ORDER BY run_id, repeat_index';
  const cellRows = await query(
    `SELECT suite_id, task_id, model_id, count(*) AS attempts,
            count(*) FILTER (WHERE status IN ('error', 'timeout')) AS errors,
            list(score ${order}) FILTER (WHERE status = 'ok' AND score IS NOT NULL) AS scores,
            list(cost_usd ${order}) FILTER (WHERE cost_usd IS NOT NULL) AS costs,
            list(latency_ms ${order}) FILTER (WHERE status = 'ok' AND latency_ms IS NOT NULL) AS latencies,
            ${check('count(check_passed)', '0')} AS checked,
            ${check('count(*) FILTER (WHERE check_passed)', '0')} AS check_passes,
            ${check(`list(coalesce(score, 0) ${order}) FILTER (WHERE check_passed AND status = 'ok')`, 'NULL::DOUBLE[]')} AS checked_scores
       FROM attempts WHERE run_id = ANY($runs) AND status <> 'skipped'
      GROUP BY suite_id, task_id, model_id ORDER BY suite_id, task_id, model_id`,
    CellRowSchema,
  );
  const tasks: MatrixTask[] = taskRows.map((row) => ({ suiteId: row.suite_id, taskId: row.task_id, category: row.category, tags: [...row.tags].sort(), prompt: row.prompt, promptChars: [...row.prompt].length }));
  const models: MatrixModel[] = modelRows.map((row) => ({ id: row.model_id, provider: row.provider, model: row.model, price: row.price, attributes: row.attributes, simulated: row.simulated }));
  const taskIndex = new Map(tasks.map((task, index) => [taskKey(task.suiteId, task.taskId), index]));
  const modelIndex = new Map(models.map((model, index) => [model.id, index]));
  const cells: (MatrixCell | undefined)[][] = tasks.map(() => models.map(() => undefined));
  let hasChecks = false;
  for (const row of cellRows) {
    const t = taskIndex.get(taskKey(row.suite_id, row.task_id));
    const m = modelIndex.get(row.model_id);
    if (t === undefined || m === undefined) continue;
    const checked = row.checked > 0;
    hasChecks ||= checked;
    (cells[t] as (MatrixCell | undefined)[])[m] = {
      attempts: row.attempts,
      errors: row.errors,
      score: mean(row.scores),
      cost: mean(row.costs),
      latencies: row.latencies,
      checkPassRate: checked ? row.check_passes / row.attempts : null,
      scoreWhenChecked: checked ? (mean(row.checked_scores) ?? 0) : null,
    };
  }
  return { tasks, models, cells, hasChecks };
}

/** Whether `attempts` has the `check_passed` column (added by a later migration). */
async function readHasCheckColumn(store: Store): Promise<boolean> {
  const reader = await store.connection.runAndReadAll("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'attempts' AND column_name = 'check_passed'");
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) > 0;
}

function taskKey(suiteId: string, taskId: string): string {
  return `${suiteId}\u0000${taskId}`;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
