import { z } from 'zod';
import type { FailureSample } from '../report-data.ts';
import { queryRows } from '../store/query-rows.ts';
import type { ReportStore } from '../store/report-store.ts';
import { countValue } from '../store/sql-values.ts';

const FailureRowSchema = z.object({
  model_id: z.string(),
  category: z.string(),
  suite_id: z.string(),
  task_id: z.string(),
  repeat_index: countValue,
  status: z.string(),
  expected: z.string().nullable(),
  output: z.string().nullable(),
  explanation: z.string().nullable(),
});

/** Longest text kept from an answer; reports show examples, not transcripts. */
const clipChars = 280;

/**
 * A few wrong or failed answers per (model, category) of a run, the first ones in task order.
 * Their text is model output and task data: renderers must escape it.
 */
export async function queryFailures(store: ReportStore, runId: string, perCell = 2): Promise<FailureSample[]> {
  const rows = await queryRows(
    store.connection,
    // The first `perCell` keys per group by a bounded `min_by` (a hash aggregate, no sort of every
    // failure), then the text of those few rows only.
    `WITH failed AS (
       SELECT a.model_id, t.category,
              unnest(min_by({suite_id: a.suite_id, task_id: a.task_id, repeat_index: a.repeat_index}, {suite_id: a.suite_id, task_id: a.task_id, repeat_index: a.repeat_index}, $perCell)) AS k
         FROM attempts a
         JOIN tasks t ON t.run_id = a.run_id AND t.suite_id = a.suite_id AND t.task_id = a.task_id
        WHERE a.run_id = $runId AND (a.status IN ('error', 'timeout') OR (a.status = 'ok' AND NOT a.passed))
        GROUP BY a.model_id, t.category)
     SELECT f.model_id, f.category, f.k.suite_id AS suite_id, f.k.task_id AS task_id, f.k.repeat_index AS repeat_index, a.status,
            left(CASE WHEN json_type(t.expected) = 'VARCHAR' THEN json_extract_string(t.expected, '$') ELSE CAST(t.expected AS VARCHAR) END, ${clipChars}) AS expected,
            left(a.output, ${clipChars}) AS output,
            left(CASE WHEN a.status = 'ok' THEN a.explanation ELSE coalesce(a.error_code || ': ', '') || coalesce(a.error_message, '') END, ${clipChars}) AS explanation
       FROM failed f
       JOIN attempts a ON a.run_id = $runId AND a.model_id = f.model_id AND a.suite_id = f.k.suite_id AND a.task_id = f.k.task_id AND a.repeat_index = f.k.repeat_index
       JOIN tasks t ON t.run_id = $runId AND t.suite_id = f.k.suite_id AND t.task_id = f.k.task_id
      ORDER BY f.model_id, f.category, suite_id, task_id, repeat_index`,
    { runId, perCell },
    FailureRowSchema,
  );
  return rows.map((row) => ({
    modelId: row.model_id,
    category: row.category,
    suiteId: row.suite_id,
    taskId: row.task_id,
    repeatIndex: row.repeat_index,
    status: row.status,
    expected: row.expected,
    output: row.output,
    explanation: row.explanation,
  }));
}
