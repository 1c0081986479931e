import { listValue } from '../../harness/store/duckdb-api.ts';
import { z } from 'zod';
import { queryRows } from '../store/query-rows.ts';
import type { ReportStore } from '../store/report-store.ts';

const SampleRowSchema = z.object({
  run_id: z.string(),
  model_id: z.string(),
  category: z.string().nullable(),
  scores: z.array(z.number()),
});

/** The scores of one group, in a fixed order so that a seeded bootstrap is reproducible. */
export type ScoreSample = z.output<typeof SampleRowSchema>;

/**
 * The answered scores of the groups that have partial credit (some score strictly between 0 and
 * 1): only those need a bootstrap, pass/fail groups get Wilson intervals from counts alone.
 */
export async function queryScoreSamples(store: ReportStore, runIds: readonly string[]): Promise<ScoreSample[]> {
  return queryRows(
    store.connection,
    `SELECT a.run_id, a.model_id, CASE WHEN grouping(t.category) = 1 THEN NULL ELSE t.category END AS category,
            list(a.score ORDER BY a.suite_id, a.task_id, a.repeat_index) AS scores
       FROM attempts a
       JOIN tasks t ON t.run_id = a.run_id AND t.suite_id = a.suite_id AND t.task_id = a.task_id
       -- Only a (run, model) with some partial score can hold a group that qualifies: lists are built for those alone.
       SEMI JOIN (SELECT run_id, model_id FROM attempts
                   WHERE run_id IN (SELECT unnest($runIds)) AND status = 'ok' AND score IS NOT NULL AND score NOT IN (0, 1)) p
         ON p.run_id = a.run_id AND p.model_id = a.model_id
      WHERE a.run_id IN (SELECT unnest($runIds)) AND a.status = 'ok' AND a.score IS NOT NULL
      GROUP BY GROUPING SETS ((a.run_id, a.model_id), (a.run_id, a.model_id, t.category))
     HAVING count(*) FILTER (WHERE a.score NOT IN (0, 1)) > 0`,
    { runIds: listValue([...runIds]) },
    SampleRowSchema,
  );
}
