import { timestampValue, type DuckDBAppender } from '@duckdb/node-api';
import type { AttemptRecord } from '../core/attempt.ts';
import type { Store } from './store.ts';
import { toError } from '../core/to-error.ts';

/** Appends attempts in batches: one DuckDB append per row, one commit per batch. */
export interface AttemptWriter {
  add(record: AttemptRecord): void;
  /** Commits what is buffered. Rows are durable once this resolves. */
  flush(): void;
  /** Flushes and releases the appender. */
  close(): void;
  /** Rows committed so far. */
  readonly written: number;
}

/**
 * Rows are buffered in DuckDB's appender and committed every `batchSize` rows or
 * `flushIntervalMs`, whichever comes first, so a crash loses at most one batch of
 * attempts, which a resumed run simply makes again (the key keeps it exactly-once).
 */
export async function createAttemptWriter(store: Store, options: { batchSize?: number; flushIntervalMs?: number } = {}): Promise<AttemptWriter> {
  const batchSize = options.batchSize ?? 2000;
  const appender = await store.connection.createAppender('attempts');
  let pending = 0;
  let written = 0;
  const flush = () => {
    if (pending === 0) return;
    appender.flushSync();
    written += pending;
    pending = 0;
  };
  // A failed background flush is kept and raised by the next call, never thrown from a timer.
  let failure: unknown;
  const timer = setInterval(() => {
    try {
      flush();
    } catch (error) {
      failure ??= error;
      clearInterval(timer);
    }
  }, options.flushIntervalMs ?? 500);
  timer.unref();
  const check = () => {
    if (failure !== undefined) throw toError(failure);
  };
  return {
    add(record) {
      check();
      appendAttempt(appender, record);
      pending += 1;
      if (pending >= batchSize) flush();
    },
    flush() {
      check();
      flush();
    },
    close() {
      clearInterval(timer);
      check();
      try {
        flush();
      } finally {
        appender.closeSync();
      }
    },
    get written() {
      return written;
    },
  };
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
