import { z } from 'zod';
import type { Store } from './store.ts';
import { perTaskOutcomesSql } from './per-task-outcomes.ts';

const count = z.union([z.bigint(), z.number()]).transform(Number);
const FlakinessRowSchema = z.object({
  model_id: z.string(),
  suite_id: z.string(),
  task_id: z.string(),
  category: z.string(),
  n: count,
  c: count,
  pass_rate: z.number(),
  flaky: z.boolean(),
  flakiness: z.number(),
});

/** How consistently one model answers one task across its repeats. */
export type TaskFlakiness = z.output<typeof FlakinessRowSchema>;

/**
 * Per (model, task) of a run: samples `n`, passes `c`, pass rate p, `flaky` when the samples disagree
 * (0 < c < n), and `flakiness` = 4·p·(1 − p): 0 for a task always passed or always failed, 1 for a
 * coin flip. Most flaky first; tasks with a single sample are left out (they cannot disagree).
 */
export async function readTaskFlakiness(store: Store, runId: string): Promise<TaskFlakiness[]> {
  const reader = await store.connection.runAndReadAll(
    `WITH per_task AS (${perTaskOutcomesSql})
     SELECT model_id, suite_id, task_id, category, n, c,
            c / n AS pass_rate,
            c > 0 AND c < n AS flaky,
            4.0 * (c / n) * (1.0 - c / n) AS flakiness
       FROM per_task
      WHERE n >= 2
      ORDER BY flakiness DESC, model_id, suite_id, task_id`,
    { runId },
  );
  return reader.getRowObjectsJS().map((row) => FlakinessRowSchema.parse(row));
}
