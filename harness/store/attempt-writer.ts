import { BIGINT, BOOLEAN, DOUBLE, INTEGER, TIMESTAMP, timestampValue, VARCHAR } from './duckdb-api.ts';
import type { DuckDBVector } from '@duckdb/node-api';
import type { AttemptRecord } from '../core/attempt.ts';
import { createBatchedAppender, type BatchedAppender, type BatchOptions, type TableColumns } from './batched-appender.ts';
import type { Store } from './store.ts';

/** Appends attempts in batches (see {@link createBatchedAppender}). */
export type AttemptWriter = BatchedAppender<AttemptRecord>;

/**
 * Attempts are committed every 10,000 rows or 0.5 s, whichever comes first: each commit syncs the
 * WAL, so a fast run commits about twice a second rather than once per few thousand rows.
 */
export function createAttemptWriter(store: Store, options: BatchOptions = {}): Promise<AttemptWriter> {
  return createBatchedAppender(store, 'attempts', attemptColumns, { ...options, batchSize: options.batchSize ?? 10_000 });
}

/** Token counts are stored as BIGINT; the scorer and providers give whole numbers, rounded to be sure. */
const count = (value: number | null) => (value === null ? null : BigInt(Math.round(value)));
const timestamp = (date: Date) => timestampValue(BigInt(date.getTime() * 1000));

/** The `attempts` table in column order; migration 2 appended `check_passed` after the columns of migration 1. */
const attemptColumns: TableColumns<AttemptRecord> = {
  types: [VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR, DOUBLE, BOOLEAN, VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, DOUBLE, DOUBLE, DOUBLE, INTEGER, VARCHAR, VARCHAR, TIMESTAMP, TIMESTAMP, BOOLEAN],
  write(columns: readonly DuckDBVector[], index: number, record: AttemptRecord): void {
    columns[0]!.setItem(index, record.runId);
    columns[1]!.setItem(index, record.suiteId);
    columns[2]!.setItem(index, record.taskId);
    columns[3]!.setItem(index, record.modelId);
    columns[4]!.setItem(index, record.repeat);
    columns[5]!.setItem(index, record.status);
    columns[6]!.setItem(index, record.output);
    columns[7]!.setItem(index, record.score);
    columns[8]!.setItem(index, record.passed);
    columns[9]!.setItem(index, record.extracted);
    columns[10]!.setItem(index, record.explanation);
    columns[11]!.setItem(index, record.finishReason);
    columns[12]!.setItem(index, count(record.inputTokens));
    columns[13]!.setItem(index, count(record.outputTokens));
    columns[14]!.setItem(index, count(record.cachedInputTokens));
    columns[15]!.setItem(index, count(record.cacheWriteTokens));
    columns[16]!.setItem(index, count(record.reasoningTokens));
    columns[17]!.setItem(index, record.costUsd);
    columns[18]!.setItem(index, record.latencyMs);
    columns[19]!.setItem(index, record.ttftMs);
    columns[20]!.setItem(index, record.retries);
    columns[21]!.setItem(index, record.errorCode);
    columns[22]!.setItem(index, record.errorMessage);
    columns[23]!.setItem(index, timestamp(record.startedAt));
    columns[24]!.setItem(index, timestamp(record.finishedAt));
    columns[25]!.setItem(index, record.checkPassed ?? null);
  },
};
