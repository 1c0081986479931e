import { z } from 'zod';
import type { LatencySpread } from '../report-data.ts';
import { queryRows } from '../store/query-rows.ts';
import type { ReportStore } from '../store/report-store.ts';
import { quantileList } from '../store/sql-values.ts';

const SpreadRowSchema = z.object({ model_id: z.string(), latency: quantileList, ttft: quantileList });
const levels = [0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/**
 * Quantiles of latency and time to first token per model of a run, computed in DuckDB: the
 * distribution chart draws from six numbers per model whatever the number of attempts.
 */
export async function queryLatencySpread(store: ReportStore, runId: string): Promise<LatencySpread[]> {
  const rows = await queryRows(
    store.connection,
    `SELECT model_id,
            quantile_cont(latency_ms, ${JSON.stringify(levels)}) AS latency,
            quantile_cont(ttft_ms, ${JSON.stringify(levels)}) AS ttft
       FROM attempts WHERE run_id = $runId AND status = 'ok'
      GROUP BY model_id ORDER BY model_id`,
    { runId },
    SpreadRowSchema,
  );
  return rows.flatMap((row) => [toSpread(row.model_id, 'latency', row.latency), toSpread(row.model_id, 'ttft', row.ttft)].filter((spread) => spread !== undefined));
}

function toSpread(modelId: string, kind: LatencySpread['kind'], values: readonly (number | null)[]): LatencySpread | undefined {
  const [p5, p25, p50, p75, p95, p99] = values;
  if (p5 == null || p25 == null || p50 == null || p75 == null || p95 == null || p99 == null) return undefined;
  return { modelId, kind, p5, p25, p50, p75, p95, p99 };
}
