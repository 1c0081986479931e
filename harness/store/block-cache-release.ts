import type { DuckDBPreparedStatement } from '@duckdb/node-api';
import { DuckDBPendingResultState } from './duckdb-api.ts';
import type { Store } from './store.ts';

/** Hands DuckDB's cache of written blocks back, at most once per `everyRows` committed rows. */
export type BlockCacheRelease = (committedRows: number) => void;

/** How low the cache is taken, and how often. */
export interface BlockCacheReleaseOptions {
  /** The buffer pool's size after a release, at most (default 32 MiB). */
  readonly floorBytes?: number;
  /** Committed rows between two releases (default 50,000). */
  readonly everyRows?: number;
}

/**
 * DuckDB keeps each block it writes in its buffer pool until `memory_limit` forces it out: ~65 bytes
 * per attempt, 63 MB over a million attempts, none of it handed back during a run. Lowering the
 * limit makes DuckDB evict down to it at once, written blocks first (they cost nothing to drop: a
 * later read loads them from the file again); restoring it straight after keeps the limit every
 * commit runs under. Both statements run synchronously between two commits of the one connection
 * that writes, so no commit, and no other statement, ever runs under the low limit.
 *
 * Only for a process whose single connection does all the writing with nothing in flight beside
 * it (a run), and outside an explicit transaction (a failed statement aborts it): a query on
 * another connection would see the low limit. Rows committed but not yet checkpointed are spilled
 * to DuckDB's temporary file only if they alone exceed the floor; a floor DuckDB cannot evict down
 * to leaves the limit as it was, and that release is skipped. An in-memory database gets no
 * release: its tables live in the pool.
 */
export async function createBlockCacheRelease(store: Store, options: BlockCacheReleaseOptions = {}): Promise<BlockCacheRelease> {
  if (store.path === ':memory:') return () => {};
  const everyRows = options.everyRows ?? 50_000;
  const floorBytes = Math.round(options.floorBytes ?? 32 * 1024 * 1024);
  // DuckDB reports the limit rounded to a tenth (`18.8 GiB`); it is set to the reported value
  // first, so restoring it is exact from then on (RESET would not do: it changes the setting, not
  // the buffer pool's limit).
  const limit = (await store.connection.runAndReadAll("SELECT current_setting('memory_limit')")).getRowsJS()[0]?.[0];
  if (typeof limit !== 'string') throw new Error('DuckDB reported no memory_limit');
  const set = `SET memory_limit = '${limit.replaceAll("'", "''")}'`;
  await store.connection.run(set);
  const lower = await store.connection.prepare(`SET memory_limit = '${floorBytes}B'`);
  const restore = await store.connection.prepare(set);
  let next = everyRows;
  return (committedRows) => {
    if (committedRows < next) return;
    next = committedRows + everyRows;
    try {
      runSynchronously(lower);
    } catch {
      // DuckDB keeps the old limit when it cannot evict down to the new one ("could not free up
      // enough memory"): the release is skipped, never the run failed for it. A connection that
      // no longer works fails the restore below, as it would fail the next commit.
    }
    runSynchronously(restore);
  };
}

/**
 * Runs a prepared statement to completion on the calling thread (the library's `run` goes through
 * a worker thread and a promise, between which the appender's next commit could slip in).
 */
function runSynchronously(statement: DuckDBPreparedStatement): void {
  const pending = statement.start();
  while (pending.runTask() !== DuckDBPendingResultState.RESULT_READY) {
    // Each call runs one of the statement's tasks, or finds none ready yet.
  }
}
