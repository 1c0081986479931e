import { BIGINT, DOUBLE, INTEGER, TIMESTAMP, timestampValue, VARCHAR } from './duckdb-api.ts';
import type { DuckDBVector } from '@duckdb/node-api';
import type { JudgmentRecord } from '../core/judgment.ts';
import { createBatchedAppender, type BatchedAppender, type BatchOptions, type TableColumns } from './batched-appender.ts';
import type { Store } from './store.ts';

/** Appends judge calls to `judgments`, committed in batches like attempts. */
export type JudgmentWriter = BatchedAppender<JudgmentRecord>;

/** Judgments are committed every 500 rows or 0.5 s, whichever comes first. */
export function createJudgmentWriter(store: Store, options: BatchOptions = {}): Promise<JudgmentWriter> {
  return createBatchedAppender(store, 'judgments', judgmentColumns, { ...options, batchSize: options.batchSize ?? 500 });
}

const count = (value: number | null) => (value === null ? null : BigInt(Math.round(value)));

/** The `judgments` table in column order (migration 2). */
const judgmentColumns: TableColumns<JudgmentRecord> = {
  types: [VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, DOUBLE, VARCHAR, BIGINT, BIGINT, BIGINT, DOUBLE, DOUBLE, INTEGER, VARCHAR, VARCHAR, TIMESTAMP],
  write(columns: readonly DuckDBVector[], index: number, record: JudgmentRecord): void {
    columns[0]!.setItem(index, record.runId);
    columns[1]!.setItem(index, record.suiteId);
    columns[2]!.setItem(index, record.taskId);
    columns[3]!.setItem(index, record.modelId);
    columns[4]!.setItem(index, record.repeat);
    columns[5]!.setItem(index, record.judgeIndex);
    columns[6]!.setItem(index, record.judgeModelId);
    columns[7]!.setItem(index, record.promptHash);
    columns[8]!.setItem(index, record.status);
    columns[9]!.setItem(index, record.output);
    columns[10]!.setItem(index, record.verdict);
    columns[11]!.setItem(index, record.score);
    columns[12]!.setItem(index, record.reasoning);
    columns[13]!.setItem(index, count(record.inputTokens));
    columns[14]!.setItem(index, count(record.outputTokens));
    columns[15]!.setItem(index, count(record.reasoningTokens));
    columns[16]!.setItem(index, record.costUsd);
    columns[17]!.setItem(index, record.latencyMs);
    columns[18]!.setItem(index, record.retries);
    columns[19]!.setItem(index, record.errorCode);
    columns[20]!.setItem(index, record.errorMessage);
    columns[21]!.setItem(index, timestampValue(BigInt(record.createdAt.getTime() * 1000)));
  },
};
