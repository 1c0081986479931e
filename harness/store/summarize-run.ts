import { z } from 'zod';
import type { Store } from './store.ts';

const SummaryRowSchema = z.object({
  model_id: z.string(),
  attempts: z.union([z.bigint(), z.number()]).transform(Number),
  ok: z.union([z.bigint(), z.number()]).transform(Number),
  errors: z.union([z.bigint(), z.number()]).transform(Number),
  passed: z.union([z.bigint(), z.number()]).transform(Number),
  pass_rate: z.number().nullable(),
  cost_usd: z.number().nullable(),
  unpriced: z.union([z.bigint(), z.number()]).transform(Number),
  p50_latency_ms: z.number().nullable(),
});

/** One line of the end-of-run table. */
export type ModelSummary = z.output<typeof SummaryRowSchema>;

/**
 * Per-model totals of a run. Pass rate counts only attempts that returned an answer (`ok`):
 * infrastructure errors are reported apart, never as wrong answers.
 */
export async function summarizeRun(store: Store, runId: string): Promise<ModelSummary[]> {
  const reader = await store.connection.runAndReadAll(
    `SELECT model_id,
            count(*) AS attempts,
            count(*) FILTER (WHERE status = 'ok') AS ok,
            count(*) FILTER (WHERE status IN ('error', 'timeout')) AS errors,
            count(*) FILTER (WHERE passed) AS passed,
            avg(CASE WHEN passed THEN 1.0 ELSE 0.0 END) FILTER (WHERE status = 'ok') AS pass_rate,
            sum(cost_usd) AS cost_usd,
            count(*) FILTER (WHERE status = 'ok' AND cost_usd IS NULL) AS unpriced,
            quantile_cont(latency_ms, 0.5) FILTER (WHERE status = 'ok') AS p50_latency_ms
       FROM attempts WHERE run_id = $runId
      GROUP BY model_id ORDER BY model_id`,
    { runId },
  );
  return reader.getRowObjectsJS().map((row) => SummaryRowSchema.parse(row));
}
