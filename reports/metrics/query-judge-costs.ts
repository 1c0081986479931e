import { listValue } from '../../harness/store/duckdb-api.ts';
import { z } from 'zod';
import type { JudgeCost } from '../report-data.ts';
import { queryRows } from '../store/query-rows.ts';
import type { ReportStore } from '../store/report-store.ts';
import { countValue, optionalNumber } from '../store/sql-values.ts';

const JudgedRowSchema = z.object({ run_id: z.string(), model_id: z.string(), category: z.string().nullable(), calls: countValue, cost_usd: optionalNumber });
const JudgeRowSchema = z.object({ judge_model_id: z.string(), calls: countValue, errors: countValue, cost_usd: optionalNumber, input_tokens: optionalNumber, output_tokens: optionalNumber });

/** Judge spending on each candidate model's answers, per (run, model) and per (run, model, category). */
export type JudgedCostRow = z.output<typeof JudgedRowSchema>;

/**
 * Judge calls, booked apart from the candidates' own cost; `byJudge` covers the subject run. `null` when the database predates
 * the `judgments` table: the report then says nothing about judges rather than "0".
 */
export async function queryJudgeCosts(store: ReportStore, runIds: readonly string[], subjectRunId: string): Promise<{ byCandidate: JudgedCostRow[]; byJudge: JudgeCost[] } | null> {
  if (!store.schema.hasJudgments) return null;
  const byCandidate = await queryRows(
    store.connection,
    `SELECT j.run_id, j.model_id, CASE WHEN grouping(t.category) = 1 THEN NULL ELSE t.category END AS category,
            count(*) AS calls, sum(j.cost_usd) AS cost_usd
       FROM judgments j
       JOIN tasks t ON t.run_id = j.run_id AND t.suite_id = j.suite_id AND t.task_id = j.task_id
      WHERE j.run_id IN (SELECT unnest($runIds))
      GROUP BY GROUPING SETS ((j.run_id, j.model_id), (j.run_id, j.model_id, t.category))`,
    { runIds: listValue([...runIds]) },
    JudgedRowSchema,
  );
  const byJudge = await queryRows(
    store.connection,
    `SELECT judge_model_id, count(*) AS calls, count(*) FILTER (WHERE status <> 'ok') AS errors,
            sum(cost_usd) AS cost_usd, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
       FROM judgments WHERE run_id = $runId GROUP BY judge_model_id ORDER BY judge_model_id`,
    { runId: subjectRunId },
    JudgeRowSchema,
  );
  return {
    byCandidate,
    byJudge: byJudge.map((row) => ({ judgeModelId: row.judge_model_id, calls: row.calls, errors: row.errors, costUsd: row.cost_usd, inputTokens: row.input_tokens, outputTokens: row.output_tokens })),
  };
}
