import * as aq from 'arquero';
import { z } from 'zod';
import type { MetricRow, ReportSettings } from '../report-data.ts';
import { groupKey } from './group-key.ts';
import type { JudgedCostRow } from './query-judge-costs.ts';
import type { MetricSqlRow } from './query-metric-rows.ts';
import type { PassAtKRow } from './query-pass-at-k.ts';
import type { ScoreSample } from './query-score-samples.ts';
import { passRateInterval, qualityInterval } from './quality-interval.ts';

/** The query results a report's metric rows are shaped from. */
export interface MetricInputs {
  readonly rows: readonly MetricSqlRow[];
  readonly passAtK: readonly PassAtKRow[];
  /** `null` when the database has no judgments table. */
  readonly judged: readonly JudgedCostRow[] | null;
  readonly samples: readonly ScoreSample[];
}

const nullableNumber = z.number().nullable().optional().transform((value) => value ?? null);
const ShapedSchema = z.object({
  key: z.string(),
  wrong: z.number(),
  error_rate: nullableNumber,
  cost: nullableNumber,
  cost_per_task: nullableNumber,
  cost_per_correct: nullableNumber,
  k: nullableNumber,
  tasks: nullableNumber,
  flaky_tasks: nullableNumber,
  pass_at_k: nullableNumber,
  judge_calls: nullableNumber,
  judge_cost_usd: nullableNumber,
});

/**
 * Joins the aggregates into one row per group (arquero), derives the ratios, and attaches the
 * intervals. Ratios are `null` rather than 0 or Infinity where their denominator is empty or
 * their numerator unknown (unpriced answers): a missing price must not read as "free".
 */
export function shapeMetricRows(inputs: MetricInputs, settings: ReportSettings): MetricRow[] {
  if (inputs.rows.length === 0) return [];
  const keyed = <T extends { run_id: string; model_id: string; category: string | null }>(rows: readonly T[]) => rows.map((row) => ({ ...row, key: groupKey(row) }));
  let table = aq
    .from(keyed(inputs.rows).map(({ latency, ttft, ...row }) => ({ ...row, latency: [...latency], ttft: [...ttft] })))
    .join_left(columnTable(keyed(inputs.passAtK), ['key', 'k', 'tasks', 'flaky_tasks', 'pass_at_k']), 'key');
  if (inputs.judged !== null) {
    const judged = keyed(inputs.judged).map(({ key, calls, cost_usd }) => ({ key, judge_calls: calls, judge_cost_usd: cost_usd }));
    table = table.join_left(columnTable(judged, ['key', 'judge_calls', 'judge_cost_usd']), 'key');
  }
  const shaped = table
    .derive({
      wrong: 'd.graded - d.passed',
      error_rate: 'd.attempts > 0 ? (d.errors + d.timeouts) / d.attempts : null',
      cost: 'd.unpriced > 0 ? null : d.cost_usd',
    })
    .derive({
      cost_per_task: 'd.cost == null || d.attempts == 0 ? null : d.cost / d.attempts',
      cost_per_correct: 'd.cost == null || d.passed == 0 ? null : d.cost / d.passed',
    })
    .orderby('key')
    .objects();
  const byKey = new Map(inputs.rows.map((row) => [groupKey(row), row]));
  const samples = new Map(inputs.samples.map((sample) => [groupKey(sample), sample.scores]));
  return shaped.map((object) => {
    const derived = ShapedSchema.parse(object);
    const row = byKey.get(derived.key) as MetricSqlRow;
    return toMetricRow(row, derived, samples.get(derived.key), inputs.judged !== null, settings);
  });
}

/** A table with named columns even when there are no rows (`aq.from([])` would have none). */
function columnTable<T extends object, K extends keyof T & string>(rows: readonly T[], columns: readonly K[]) {
  return aq.table(Object.fromEntries(columns.map((column) => [column, rows.map((row) => row[column])])));
}

function toMetricRow(row: MetricSqlRow, derived: z.output<typeof ShapedSchema>, scores: readonly number[] | undefined, hasJudgments: boolean, settings: ReportSettings): MetricRow {
  const { quality, method } = qualityInterval(row, scores, settings);
  const at = (values: readonly (number | null)[], index: number) => values[index] ?? null;
  return {
    runId: row.run_id,
    modelId: row.model_id,
    category: row.category,
    attempts: row.attempts,
    ok: row.ok,
    errors: row.errors,
    timeouts: row.timeouts,
    skipped: row.skipped,
    errorRate: derived.error_rate,
    graded: row.graded,
    passed: row.passed,
    wrong: derived.wrong,
    passRate: passRateInterval(row.passed, row.graded, settings),
    meanScore: row.mean_score,
    quality,
    qualityMethod: method,
    costUsd: derived.cost,
    unpricedAttempts: row.unpriced,
    costPerTask: derived.cost_per_task,
    costPerCorrect: derived.cost_per_correct,
    latencyP50Ms: at(row.latency, 0),
    latencyP95Ms: at(row.latency, 1),
    latencyP99Ms: at(row.latency, 2),
    ttftP50Ms: at(row.ttft, 0),
    ttftP95Ms: at(row.ttft, 1),
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    reasoningTokens: row.reasoning_tokens,
    meanInputTokens: row.mean_input_tokens,
    meanOutputTokens: row.mean_output_tokens,
    passAtK: derived.k === null ? null : { k: derived.k, estimate: derived.pass_at_k, tasks: derived.tasks ?? 0, flakyTasks: derived.flaky_tasks ?? 0 },
    judgeCostUsd: hasJudgments ? (derived.judge_cost_usd ?? (derived.judge_calls === null ? 0 : null)) : null,
    judgeCalls: hasJudgments ? (derived.judge_calls ?? 0) : null,
  };
}
