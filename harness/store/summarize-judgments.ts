import { z } from 'zod';
import type { Store } from './store.ts';

const count = z.union([z.bigint(), z.number()]).transform(Number);

const JudgeCostRowSchema = z.object({
  judge_model_id: z.string(),
  calls: count,
  ok: count,
  errors: count,
  input_tokens: count.nullable(),
  output_tokens: count.nullable(),
  cost_usd: z.number().nullable(),
});

const AgreementRowSchema = z.object({
  judge_a: z.string(),
  judge_b: z.string(),
  items: count,
  exact_agreement: z.number(),
  mean_abs_difference: z.number(),
});

/** What one judge model did and cost in a run: booked apart from the candidates' attempts. */
export type JudgeCostSummary = z.output<typeof JudgeCostRowSchema>;
/** How often two judges of a panel agreed on the same answers. */
export type JudgeAgreement = z.output<typeof AgreementRowSchema>;

/** Calls, failures, tokens and cost per judge model of a run. */
export async function summarizeJudgeCosts(store: Store, runId: string): Promise<JudgeCostSummary[]> {
  const reader = await store.connection.runAndReadAll(
    `SELECT judge_model_id, count(*) AS calls, count(*) FILTER (WHERE status = 'ok') AS ok, count(*) FILTER (WHERE status <> 'ok') AS errors,
            sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, sum(cost_usd) AS cost_usd
       FROM judgments WHERE run_id = $runId GROUP BY judge_model_id ORDER BY judge_model_id`,
    { runId },
  );
  return reader.getRowObjectsJS().map((row) => JudgeCostRowSchema.parse(row));
}

/**
 * Agreement of every pair of judges over the answers both judged (same attempt, same prompt):
 * the share of identical verdicts and the mean absolute difference of their [0, 1] scores.
 */
export async function summarizeJudgeAgreement(store: Store, runId: string): Promise<JudgeAgreement[]> {
  const reader = await store.connection.runAndReadAll(
    `SELECT a.judge_model_id AS judge_a, b.judge_model_id AS judge_b, count(*) AS items,
            avg(CASE WHEN a.verdict = b.verdict THEN 1.0 ELSE 0.0 END) AS exact_agreement,
            avg(abs(a.score - b.score)) AS mean_abs_difference
       FROM judgments a
       JOIN judgments b ON a.run_id = b.run_id AND a.suite_id = b.suite_id AND a.task_id = b.task_id AND a.model_id = b.model_id
                       AND a.repeat_index = b.repeat_index AND a.prompt_hash = b.prompt_hash AND a.judge_model_id < b.judge_model_id
      WHERE a.run_id = $runId AND a.status = 'ok' AND b.status = 'ok'
      GROUP BY ALL ORDER BY judge_a, judge_b`,
    { runId },
  );
  return reader.getRowObjectsJS().map((row) => AgreementRowSchema.parse(row));
}
