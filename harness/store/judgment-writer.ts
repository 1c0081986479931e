import { timestampValue, type DuckDBAppender } from '@duckdb/node-api';
import type { JudgmentRecord } from '../core/judgment.ts';
import { createBatchedAppender, type BatchedAppender, type BatchOptions } from './batched-appender.ts';
import type { Store } from './store.ts';

/** Appends judge calls to `judgments`, committed in batches like attempts. */
export type JudgmentWriter = BatchedAppender<JudgmentRecord>;

/** Judgments are committed every 500 rows or 0.5 s, whichever comes first. */
export function createJudgmentWriter(store: Store, options: BatchOptions = {}): Promise<JudgmentWriter> {
  return createBatchedAppender(store, 'judgments', appendJudgment, { ...options, batchSize: options.batchSize ?? 500 });
}

function appendJudgment(appender: DuckDBAppender, record: JudgmentRecord): void {
  const text = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value));
  const double = (value: number | null) => (value === null ? appender.appendNull() : appender.appendDouble(value));
  const count = (value: number | null) => (value === null ? appender.appendNull() : appender.appendBigInt(BigInt(Math.round(value))));
  appender.appendVarchar(record.runId);
  appender.appendVarchar(record.suiteId);
  appender.appendVarchar(record.taskId);
  appender.appendVarchar(record.modelId);
  appender.appendInteger(record.repeat);
  appender.appendInteger(record.judgeIndex);
  appender.appendVarchar(record.judgeModelId);
  appender.appendVarchar(record.promptHash);
  appender.appendVarchar(record.status);
  text(record.output);
  double(record.verdict);
  double(record.score);
  text(record.reasoning);
  count(record.inputTokens);
  count(record.outputTokens);
  count(record.reasoningTokens);
  double(record.costUsd);
  double(record.latencyMs);
  appender.appendInteger(record.retries);
  text(record.errorCode);
  text(record.errorMessage);
  appender.appendTimestamp(timestampValue(BigInt(record.createdAt.getTime()) * 1000n));
  appender.endRow();
}
