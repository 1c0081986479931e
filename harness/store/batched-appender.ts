import type { DuckDBAppender } from '@duckdb/node-api';
import { toError } from '../core/to-error.ts';
import type { Store } from './store.ts';

/** Appends rows of one kind to a table, committing them in batches. */
export interface BatchedAppender<Row> {
  add(row: Row): void;
  /** Commits what is buffered. Rows are durable once this returns. */
  flush(): void;
  /** Flushes and releases the appender. */
  close(): void;
  /** Rows committed so far. */
  readonly written: number;
}

/** How often rows are committed: every `batchSize` rows or `flushIntervalMs`, whichever comes first. */
export interface BatchOptions {
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
}

/**
 * One DuckDB append per row, one commit per batch, so a crash loses at most one batch, which a
 * resumed run makes again. A failed background flush is kept and raised by the next call,
 * never thrown from a timer.
 */
export async function createBatchedAppender<Row>(store: Store, table: string, appendRow: (appender: DuckDBAppender, row: Row) => void, options: BatchOptions & { readonly batchSize: number }): Promise<BatchedAppender<Row>> {
  const appender = await store.connection.createAppender(table);
  let pending = 0;
  let written = 0;
  let failure: unknown;
  const flush = () => {
    if (pending === 0) return;
    appender.flushSync();
    written += pending;
    pending = 0;
  };
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
    add(row) {
      check();
      appendRow(appender, row);
      pending += 1;
      if (pending >= options.batchSize) flush();
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
