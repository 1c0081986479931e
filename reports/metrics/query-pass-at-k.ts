import { listValue } from '../../harness/store/duckdb-api.ts';
import { z } from 'zod';
import { passAtKSql } from '../../harness/store/pass-at-k-sql.ts';
import { queryRows } from '../store/query-rows.ts';
import type { ReportStore } from '../store/report-store.ts';
import { countValue, optionalNumber } from '../store/sql-values.ts';

const PassAtKRowSchema = z.object({
  run_id: z.string(),
  model_id: z.string(),
  category: z.string().nullable(),
  k: countValue,
  tasks: countValue,
  flaky_tasks: countValue,
  pass_at_k: optionalNumber,
});

/** pass@k of one (run, model, category) or (run, model) (`category: null`). */
export type PassAtKRow = z.output<typeof PassAtKRowSchema>;

/**
 * pass@k with k the largest number of graded repeats of a task in the group, by the unbiased
 * estimator shared with the store ({@link passAtKSql}).
 * Only groups where some task has more than one graded repeat come back.
 */
export async function queryPassAtK(store: ReportStore, runIds: readonly string[]): Promise<PassAtKRow[]> {
  // k > 1 needs a task graded twice in one run, so a repeat index above 0: without one (the common
  // single-repeat run) nothing comes back, and a filtered scan says so without grouping every task.
  const repeated = await queryRows(
    store.connection,
    `SELECT EXISTS (SELECT 1 FROM attempts WHERE run_id IN (SELECT unnest($runIds)) AND repeat_index > 0 AND status = 'ok' AND passed IS NOT NULL) AS repeated`,
    { runIds: listValue([...runIds]) },
    z.object({ repeated: z.boolean() }),
  );
  if (repeated[0]?.repeated !== true) return [];
  return queryRows(
    store.connection,
    `WITH per_task AS (
       SELECT a.run_id, a.model_id, t.category, a.suite_id, a.task_id,
              count(*) AS n, count(*) FILTER (WHERE a.passed) AS c
         FROM attempts a
         JOIN tasks t ON t.run_id = a.run_id AND t.suite_id = a.suite_id AND t.task_id = a.task_id
        WHERE a.run_id IN (SELECT unnest($runIds)) AND a.status = 'ok' AND a.passed IS NOT NULL
        GROUP BY ALL),
     levels AS (
       SELECT run_id, model_id, NULL AS category, n, c, max(n) OVER (PARTITION BY run_id, model_id) AS k FROM per_task
       UNION ALL
       SELECT run_id, model_id, category, n, c, max(n) OVER (PARTITION BY run_id, model_id, category) AS k FROM per_task)
     SELECT run_id, model_id, category, any_value(k) AS k,
            count(*) FILTER (WHERE n >= k) AS tasks,
            count(*) FILTER (WHERE c > 0 AND c < n) AS flaky_tasks,
            avg(${passAtKSql('n', 'c', 'k')}) FILTER (WHERE n >= k) AS pass_at_k
       FROM levels
      GROUP BY run_id, model_id, category
     HAVING any_value(k) > 1`,
    { runIds: listValue([...runIds]) },
    PassAtKRowSchema,
  );
}
