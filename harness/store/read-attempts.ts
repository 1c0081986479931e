import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import type { AttemptKey, AttemptRecord } from '../core/attempt.ts';

const count = z.union([z.bigint(), z.number()]).transform(Number).nullable();

/** Rows read back are parsed at the boundary, like any other input. */
const AttemptRowSchema = z.object({
  run_id: z.string(),
  suite_id: z.string(),
  task_id: z.string(),
  model_id: z.string(),
  repeat_index: z.number(),
  status: z.enum(['ok', 'error', 'timeout', 'skipped']),
  output: z.string().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  extracted: z.string().nullable(),
  explanation: z.string().nullable(),
  check_passed: z.boolean().nullable(),
  finish_reason: z.enum(['stop', 'length', 'content_filter', 'tool_calls', 'other']).nullable(),
  input_tokens: count,
  output_tokens: count,
  cached_input_tokens: count,
  cache_write_tokens: count,
  reasoning_tokens: count,
  cost_usd: z.number().nullable(),
  latency_ms: z.number().nullable(),
  ttft_ms: z.number().nullable(),
  retries: z.number(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  started_at: z.date(),
  finished_at: z.date(),
});

/** Where a page of attempts starts: after this key (exclusive), or at the start. */
export type AttemptCursor = AttemptKey | undefined;

/**
 * One page of a run's attempts in key order (suite, task, model, repeat), after `after`. Paging by
 * key (not by offset) reads a run of millions of attempts in pages without sorting it once per page.
 * `connection` may be a second connection of the store, so that reading does not interleave with an
 * appender writing on the first.
 */
export async function readAttemptPage(connection: DuckDBConnection, runId: string, after: AttemptCursor, limit: number): Promise<AttemptRecord[]> {
  const from = after === undefined ? '' : 'AND (suite_id, task_id, model_id, repeat_index) > ($suite, $task, $model, $repeat)';
  const cursor = after === undefined ? {} : { suite: after.suiteId, task: after.taskId, model: after.modelId, repeat: after.repeat };
  const reader = await connection.runAndReadAll(
    `SELECT * FROM attempts WHERE run_id = $runId ${from} ORDER BY suite_id, task_id, model_id, repeat_index LIMIT ${Math.max(1, Math.trunc(limit))}`,
    { runId, ...cursor },
  );
  return reader.getRowObjectsJS().map((raw) => {
    const row = AttemptRowSchema.parse(raw);
    return {
      runId: row.run_id, suiteId: row.suite_id, taskId: row.task_id, modelId: row.model_id, repeat: row.repeat_index,
      status: row.status, output: row.output, score: row.score, passed: row.passed, extracted: row.extracted, explanation: row.explanation,
      checkPassed: row.check_passed, finishReason: row.finish_reason,
      inputTokens: row.input_tokens, outputTokens: row.output_tokens, cachedInputTokens: row.cached_input_tokens, cacheWriteTokens: row.cache_write_tokens, reasoningTokens: row.reasoning_tokens,
      costUsd: row.cost_usd, latencyMs: row.latency_ms, ttftMs: row.ttft_ms, retries: row.retries,
      // Codes were written from the closed set; a row from a newer baton keeps its own.
      errorCode: row.error_code as AttemptRecord['errorCode'], errorMessage: row.error_message,
      startedAt: row.started_at, finishedAt: row.finished_at,
    };
  });
}
