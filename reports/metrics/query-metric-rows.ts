import { listValue } from '../../harness/store/duckdb-api.ts';
import { z } from 'zod';
import { queryRows } from '../store/query-rows.ts';
import type { ReportStore } from '../store/report-store.ts';
import { countValue, optionalNumber, quantileList } from '../store/sql-values.ts';

const MetricSqlRowSchema = z.object({
  run_id: z.string(),
  model_id: z.string(),
  category: z.string().nullable(),
  attempts: countValue,
  ok: countValue,
  errors: countValue,
  timeouts: countValue,
  skipped: countValue,
  graded: countValue,
  passed: countValue,
  scored: countValue,
  fractional_scores: countValue,
  mean_score: optionalNumber,
  cost_usd: optionalNumber,
  unpriced: countValue,
  latency: quantileList,
  ttft: quantileList,
  input_tokens: optionalNumber,
  output_tokens: optionalNumber,
  reasoning_tokens: optionalNumber,
  mean_input_tokens: optionalNumber,
  mean_output_tokens: optionalNumber,
});

/** One aggregate row straight from DuckDB. */
export type MetricSqlRow = z.output<typeof MetricSqlRowSchema>;

/**
 * The heavy aggregation, in one pass of DuckDB over the attempts: per (run, model) and per
 * (run, model, category) through grouping sets. Quality columns count `ok` answers only, so an
 * error is never a wrong answer; cost columns count every attempt, since failed calls may bill.
 */
export async function queryMetricRows(store: ReportStore, runIds: readonly string[]): Promise<MetricSqlRow[]> {
  return queryRows(
    store.connection,
    `SELECT a.run_id, a.model_id,
            CASE WHEN grouping(t.category) = 1 THEN NULL ELSE t.category END AS category,
            count(*) FILTER (WHERE a.status <> 'skipped') AS attempts,
            count(*) FILTER (WHERE a.status = 'ok') AS ok,
            count(*) FILTER (WHERE a.status = 'error') AS errors,
            count(*) FILTER (WHERE a.status = 'timeout') AS timeouts,
            count(*) FILTER (WHERE a.status = 'skipped') AS skipped,
            count(*) FILTER (WHERE a.status = 'ok' AND a.passed IS NOT NULL) AS graded,
            count(*) FILTER (WHERE a.status = 'ok' AND a.passed) AS passed,
            count(*) FILTER (WHERE a.status = 'ok' AND a.score IS NOT NULL) AS scored,
            count(*) FILTER (WHERE a.status = 'ok' AND a.score IS NOT NULL AND a.score NOT IN (0, 1)) AS fractional_scores,
            avg(a.score) FILTER (WHERE a.status = 'ok') AS mean_score,
            sum(a.cost_usd) FILTER (WHERE a.status <> 'skipped') AS cost_usd,
            count(*) FILTER (WHERE a.status = 'ok' AND a.cost_usd IS NULL) AS unpriced,
            quantile_cont(a.latency_ms, [0.5, 0.95, 0.99]) FILTER (WHERE a.status = 'ok') AS latency,
            quantile_cont(a.ttft_ms, [0.5, 0.95]) FILTER (WHERE a.status = 'ok') AS ttft,
            sum(a.input_tokens) AS input_tokens,
            sum(a.output_tokens) AS output_tokens,
            sum(a.reasoning_tokens) AS reasoning_tokens,
            avg(a.input_tokens) FILTER (WHERE a.status = 'ok') AS mean_input_tokens,
            avg(a.output_tokens) FILTER (WHERE a.status = 'ok') AS mean_output_tokens
       FROM attempts a
       JOIN tasks t ON t.run_id = a.run_id AND t.suite_id = a.suite_id AND t.task_id = a.task_id
      WHERE a.run_id IN (SELECT unnest($runIds))
      GROUP BY GROUPING SETS ((a.run_id, a.model_id), (a.run_id, a.model_id, t.category))
      ORDER BY a.run_id, a.model_id, category NULLS FIRST`,
    { runIds: listValue([...runIds]) },
    MetricSqlRowSchema,
  );
}
