import type { Store } from './store.ts';

/**
 * DuckDB settings for the process that writes a run (they hold for this process's database
 * instance only; nothing is written to the file). Measured on bench workload f (1M attempts):
 * - `allocator_background_threads`: DuckDB's allocator hands freed memory back to the system from a
 *   thread of its own, where it otherwise kept much of it for the rest of the run (after writing
 *   the tasks table of a 500,000-task plan, ~100 MB went back within a second).
 * - `write_buffer_row_group_count = 1`: a bulk write (that tasks table, one transaction) writes
 *   each row group out as it fills instead of buffering five (615,000 rows): ~50 MB less at its peak.
 * No standing `memory_limit`: a plan's transaction must fit in it whole (a 500,000-task plan failed
 * to commit under 64 MB). The blocks a run writes are released between commits instead
 * (`createBlockCacheRelease` in block-cache-release.ts).
 */
export async function tuneStoreForRun(store: Store): Promise<void> {
  await store.connection.run('SET allocator_background_threads = true');
  await store.connection.run('SET write_buffer_row_group_count = 1');
}
