import { z } from 'zod';
import { queryRows } from '../store/query-rows.ts';
import type { ReportStore } from '../store/report-store.ts';
import { countValue } from '../store/sql-values.ts';

const PairGroupSchema = z.object({
  model_id: z.string(),
  category: z.string().nullable(),
  pairs: countValue,
  only_baseline: countValue,
  only_candidate: countValue,
  fractional: countValue,
  changed_prompts: countValue,
  baseline: z.array(z.number()),
  candidate: z.array(z.number()),
});

/** Paired outcomes of one (model, category), or one model (`category: null`). */
export type PairGroup = z.output<typeof PairGroupSchema>;

/**
 * Pairs the graded answers of two runs on the same (suite, task, model, repeat), grouped per
 * model and per (model, category) of the candidate's tasks. DuckDB does the join and counts
 * McNemar's discordant pairs; the paired values come back in one fixed order, for the bootstrap.
 * A value is the score, or the pass/fail outcome where a scorer gave none.
 */
export async function queryPairs(store: ReportStore, baselineRunId: string, candidateRunId: string): Promise<PairGroup[]> {
  return queryRows(
    store.connection,
    `WITH pairs AS (
       SELECT c.model_id, tc.category, c.suite_id, c.task_id, c.repeat_index,
              b.passed AS b_passed, c.passed AS c_passed,
              coalesce(b.score, b.passed::INT::DOUBLE) AS b_value, coalesce(c.score, c.passed::INT::DOUBLE) AS c_value,
              tb.prompt_hash <> tc.prompt_hash AS changed
         FROM attempts b
         JOIN attempts c ON c.suite_id = b.suite_id AND c.task_id = b.task_id AND c.model_id = b.model_id AND c.repeat_index = b.repeat_index
         JOIN tasks tb ON tb.run_id = b.run_id AND tb.suite_id = b.suite_id AND tb.task_id = b.task_id
         JOIN tasks tc ON tc.run_id = c.run_id AND tc.suite_id = c.suite_id AND tc.task_id = c.task_id
        WHERE b.run_id = $baseline AND c.run_id = $candidate
          AND b.status = 'ok' AND c.status = 'ok' AND b.passed IS NOT NULL AND c.passed IS NOT NULL)
     SELECT model_id, CASE WHEN grouping(category) = 1 THEN NULL ELSE category END AS category,
            count(*) AS pairs,
            count(*) FILTER (WHERE b_passed AND NOT c_passed) AS only_baseline,
            count(*) FILTER (WHERE c_passed AND NOT b_passed) AS only_candidate,
            count(*) FILTER (WHERE b_value NOT IN (0, 1) OR c_value NOT IN (0, 1)) AS fractional,
            count(*) FILTER (WHERE changed) AS changed_prompts,
            list(b_value ORDER BY suite_id, task_id, repeat_index) AS baseline,
            list(c_value ORDER BY suite_id, task_id, repeat_index) AS candidate
       FROM pairs
      GROUP BY GROUPING SETS ((model_id), (model_id, category))
      ORDER BY model_id, category NULLS FIRST`,
    { baseline: baselineRunId, candidate: candidateRunId },
    PairGroupSchema,
  );
}
