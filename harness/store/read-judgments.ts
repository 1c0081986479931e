import { z } from 'zod';
import type { JudgmentRecord } from '../core/judgment.ts';
import type { Store } from './store.ts';

const count = z.union([z.bigint(), z.number()]).transform(Number).nullable();

const JudgmentRowSchema = z.object({
  run_id: z.string(),
  suite_id: z.string(),
  task_id: z.string(),
  model_id: z.string(),
  repeat_index: z.number(),
  judge_index: z.number(),
  judge_model_id: z.string(),
  prompt_hash: z.string(),
  status: z.enum(['ok', 'error', 'timeout']),
  output: z.string().nullable(),
  verdict: z.number().nullable(),
  score: z.number().nullable(),
  reasoning: z.string().nullable(),
  input_tokens: count,
  output_tokens: count,
  reasoning_tokens: count,
  cost_usd: z.number().nullable(),
  latency_ms: z.number().nullable(),
  retries: z.number(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  created_at: z.date(),
});

/** Every judge call stored for a run, in key order. */
export async function readJudgments(store: Store, runId: string): Promise<JudgmentRecord[]> {
  const reader = await store.connection.runAndReadAll(
    'SELECT * FROM judgments WHERE run_id = $runId ORDER BY suite_id, task_id, model_id, repeat_index, judge_index',
    { runId },
  );
  return reader.getRowObjectsJS().map((raw) => {
    const row = JudgmentRowSchema.parse(raw);
    return {
      runId: row.run_id, suiteId: row.suite_id, taskId: row.task_id, modelId: row.model_id, repeat: row.repeat_index,
      judgeIndex: row.judge_index, judgeModelId: row.judge_model_id, promptHash: row.prompt_hash, status: row.status,
      output: row.output, verdict: row.verdict, score: row.score, reasoning: row.reasoning,
      inputTokens: row.input_tokens, outputTokens: row.output_tokens, reasoningTokens: row.reasoning_tokens,
      costUsd: row.cost_usd, latencyMs: row.latency_ms, retries: row.retries, errorCode: row.error_code, errorMessage: row.error_message,
      createdAt: row.created_at,
    };
  });
}
