import { DuckDBDataChunk, DuckDBListVector, DuckDBVector, listValue } from './duckdb-api.ts';
import type { DuckDBType } from '@duckdb/node-api';
import { toError } from '../core/to-error.ts';
import type { Store } from './store.ts';

const emptyList = listValue([]);

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
  /** Called after each commit with the rows committed so far (between two commits: nothing pending). */
  readonly afterCommit?: (written: number) => void;
}

/** A table's columns as the appender fills them: their types, and how a row fills its place in them. */
export interface TableColumns<Row> {
  /** The table's column types, in order. */
  readonly types: readonly DuckDBType[];
  /** Writes `row` at `index` of every column vector (one `setItem` per column). */
  readonly write: (columns: readonly DuckDBVector[], index: number, row: Row) => void;
}

/**
 * Rows are written column by column into a DuckDB data chunk, which is appended whenever it is
 * full (1,024 rows) and committed once per batch: a row costs typed-array writes (and one native
 * call per non-null string) instead of a native call per column, and a batch one commit (one WAL
 * sync). A crash loses at most one batch, which a resumed run makes again. A failed background
 * flush is kept and raised by the next call, never thrown from a timer.
 */
export async function createBatchedAppender<Row>(store: Store, table: string, columns: TableColumns<Row>, options: BatchOptions & { readonly batchSize: number }): Promise<BatchedAppender<Row>> {
  // Half a standard vector: the library keeps every string of a chunk until the chunk is appended,
  // and at 2,048 rows those strings outlived the young generation, doubling what the garbage
  // collector promoted per attempt; smaller chunks cost more native calls per row.
  const capacity = Math.min(1024, DuckDBVector.standardSize());
  const appender = await store.connection.createAppender(table);
  const chunk = DuckDBDataChunk.create(columns.types, capacity);
  let vectors = columnVectors(chunk);
  // Rows in the chunk, and rows not committed yet (in the chunk or appended without a commit).
  let filled = 0;
  let pending = 0;
  let written = 0;
  let failure: unknown;
  const appendChunk = () => {
    // A list vector's flush reads every row up to the chunk's capacity: rows past `filled` would be
    // read from uninitialised memory, so they get an empty list first.
    if (filled < capacity) for (const vector of vectors) if (vector instanceof DuckDBListVector) for (let index = filled; index < capacity; index += 1) vector.setItem(index, emptyList);
    for (const vector of vectors) vector.flush();
    chunk.rowCount = filled;
    appender.appendDataChunk(chunk);
    filled = 0;
    chunk.reset();
    chunk.rowCount = capacity;
    vectors = columnVectors(chunk);
  };
  const flush = () => {
    if (pending === 0) return;
    if (filled > 0) appendChunk();
    appender.flushSync();
    written += pending;
    pending = 0;
    options.afterCommit?.(written);
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
      columns.write(vectors, filled, row);
      filled += 1;
      pending += 1;
      if (filled === capacity) appendChunk();
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
      } catch (error) {
        // Closing an appender whose flush failed fails too ("transaction is aborted"): report the cause.
        try {
          appender.closeSync();
        } catch {
          // The flush's error is the one to report.
        }
        throw error;
      }
      appender.closeSync();
    },
    get written() {
      return written;
    },
  };
}

function columnVectors(chunk: DuckDBDataChunk): DuckDBVector[] {
  return Array.from({ length: chunk.columnCount }, (_, index) => chunk.getColumnVector(index));
}
