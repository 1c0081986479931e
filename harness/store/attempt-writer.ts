import { timestampValue, type DuckDBAppender } from '@duckdb/node-api';
import type { AttemptRecord } from '../core/attempt.ts';
import { createBatchedAppender, type BatchedAppender, type BatchOptions } from './batched-appender.ts';
import type { Store } from './store.ts';

/** Appends attempts in batches (see {@link createBatchedAppender}). */
export type AttemptWriter = BatchedAppender<AttemptRecord>;

/** Attempts are committed every 2,000 rows or 0.5 s, whichever comes first. */
export function createAttemptWriter(store: Store, options: BatchOptions = {}): Promise<AttemptWriter> {
  return createBatchedAppender(store, 'attempts', appendAttempt, { ...options, batchSize: options.batchSize ?? 2000 });
}

function appendAttempt(appender: DuckDBAppender, record: AttemptRecord): void {
  const text = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value));
  const double = (value: number | null) => (value === null ? appender.appendNull() : appender.appendDouble(value));
  const count = (value: number | null) => (value === null ? appender.appendNull() : appender.appendBigInt(BigInt(Math.round(value))));
  appender.appendVarchar(record.runId);
  appender.appendVarchar(record.suiteId);
  appender.appendVarchar(record.taskId);
  appender.appendVarchar(record.modelId);
  appender.appendInteger(record.repeat);
  appender.appendVarchar(record.status);
  text(record.output);
  double(record.score);
  if (record.passed === null) appender.appendNull();
  else appender.appendBoolean(record.passed);
  text(record.extracted);
  text(record.explanation);
  text(record.finishReason);
  count(record.inputTokens);
  count(record.outputTokens);
  count(record.cachedInputTokens);
  count(record.cacheWriteTokens);
  count(record.reasoningTokens);
  double(record.costUsd);
  double(record.latencyMs);
  double(record.ttftMs);
  appender.appendInteger(record.retries);
  text(record.errorCode);
  text(record.errorMessage);
  appender.appendTimestamp(timestampValue(BigInt(record.startedAt.getTime()) * 1000n));
  appender.appendTimestamp(timestampValue(BigInt(record.finishedAt.getTime()) * 1000n));
  // Migration 2 appended `check_passed` after the columns of migration 1.
  if (record.checkPassed === undefined || record.checkPassed === null) appender.appendNull();
  else appender.appendBoolean(record.checkPassed);
  appender.endRow();
}
