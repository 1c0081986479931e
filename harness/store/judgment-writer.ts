import { timestampValue, type DuckDBAppender } from '@duckdb/node-api';
import type { JudgmentRecord } from '../core/judgment.ts';
import { toError } from '../core/to-error.ts';
import type { Store } from './store.ts';

/** Appends judge calls to `judgments`, committed in batches like attempts. */
export interface JudgmentWriter {
  add(record: JudgmentRecord): void;
  /** Flushes and releases the appender. */
  close(): void;
  /** Rows committed so far. */
  readonly written: number;
}

/** Rows are committed every `batchSize` rows or `flushIntervalMs`, whichever comes first. */
export async function createJudgmentWriter(store: Store, options: { batchSize?: number; flushIntervalMs?: number } = {}): Promise<JudgmentWriter> {
  const batchSize = options.batchSize ?? 500;
  const appender = await store.connection.createAppender('judgments');
  let pending = 0;
  let written = 0;
  let failure: unknown;
  const flush = () => {
    if (pending === 0) return;
    appender.flushSync();
    written += pending;
    pending = 0;
  };
  // A failed background flush is kept and raised by the next call, never thrown from a timer.
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
      appendJudgment(appender, record);
      pending += 1;
      if (pending >= batchSize) flush();
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
