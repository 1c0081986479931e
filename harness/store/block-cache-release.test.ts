import { afterEach, describe, expect, it } from 'vitest';
import { attemptRecord } from '../../test/helpers/attempt-record.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { createAttemptWriter } from './attempt-writer.ts';
import { createBlockCacheRelease } from './block-cache-release.ts';
import { openStore } from './open-store.ts';
import type { Store } from './store.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

const mib = 1024 * 1024;

/** Bytes DuckDB's buffer pool holds, by tag. */
async function poolBytes(store: Store): Promise<Record<string, number>> {
  const rows = (await store.connection.runAndReadAll('SELECT tag, memory_usage_bytes AS bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0')).getRowObjectsJS();
  return Object.fromEntries(rows.map((row) => [row.tag as string, Number(row.bytes)]));
}

const units: Record<string, number> = { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };
/** A limit as DuckDB reports it (`18.8 GiB`), in bytes. */
const bytesOf = (limit: string) => Number(limit.split(' ')[0]) * (units[limit.split(' ')[1] ?? ''] ?? Number.NaN);
const memoryLimit = async (store: Store) => (await store.connection.runAndReadAll("SELECT current_setting('memory_limit') AS v")).getRowObjectsJS()[0]?.v as string;

/** A store whose pool caches ~18 MB of written blocks (a million distinct strings, checkpointed). */
async function storeWithCachedBlocks(): Promise<Store> {
  const store = await openStore(dir.path('baton.duckdb'));
  await store.connection.run('CREATE TABLE filler AS SELECT md5(i::VARCHAR) AS s FROM range(1000000) r(i)');
  await store.connection.run('CHECKPOINT');
  return store;
}


describe('createBlockCacheRelease', () => {
  it('evicts written blocks down to the floor once due, and leaves the memory limit as it was', async () => {
    const store = await storeWithCachedBlocks();
    try {
      const limit = await memoryLimit(store);
      const release = await createBlockCacheRelease(store, { floorBytes: 4 * mib, everyRows: 1000 });
      // The limit is set to the value DuckDB reports, once (it rounds to a tenth of a unit).
      expect(bytesOf(await memoryLimit(store)) / bytesOf(limit)).toBeCloseTo(1, 1);
      const afterSetUp = await memoryLimit(store);
      const summary = async () => (await store.connection.runAndReadAll('SELECT count(DISTINCT s) AS n, max(s) AS top FROM filler')).getRowObjectsJS()[0];
      const before = await summary();
      const cached = (await poolBytes(store)).BASE_TABLE ?? 0;
      expect(cached).toBeGreaterThan(12 * mib);
      release(999);
      expect((await poolBytes(store)).BASE_TABLE).toBe(cached);
      release(1000);
      const after = await poolBytes(store);
      expect(Object.values(after).reduce((sum, bytes) => sum + bytes, 0)).toBeLessThanOrEqual(4 * mib);
      expect(await memoryLimit(store)).toBe(afterSetUp);
      // The next release is due 1,000 rows after this one, and the evicted data reads back whole.
      expect(await summary()).toEqual(before);
      const reloaded = (await poolBytes(store)).BASE_TABLE ?? 0;
      expect(reloaded).toBeGreaterThan(12 * mib);
      release(1500);
      expect((await poolBytes(store)).BASE_TABLE).toBe(reloaded);
      release(2000);
      expect((await poolBytes(store)).BASE_TABLE ?? 0).toBeLessThanOrEqual(4 * mib);
    } finally {
      store.close();
    }
  });

  it('skips a release DuckDB cannot evict down to, keeping the limit and the connection usable', async () => {
    const store = await openStore(dir.path('baton.duckdb'));
    try {
      // No temporary directory to spill to and no checkpoint: the table's rows stay in the pool, pinned.
      await store.connection.run("SET temp_directory = ''");
      await store.connection.run("SET wal_autocheckpoint = '1TB'");
      // Inserts smaller than a row group stay in memory until a checkpoint writes them.
      await store.connection.run('CREATE TABLE filler (s VARCHAR)');
      for (let part = 0; part < 3; part += 1) await store.connection.run(`INSERT INTO filler SELECT md5(i::VARCHAR) FROM range(${part * 100000}, ${(part + 1) * 100000}) r(i)`);
      const release = await createBlockCacheRelease(store, { floorBytes: 1 * mib, everyRows: 1 });
      const limit = await memoryLimit(store);
      expect(() => release(1)).not.toThrow();
      expect((await poolBytes(store)).IN_MEMORY_TABLE ?? 0).toBeGreaterThan(1 * mib);
      expect(await memoryLimit(store)).toBe(limit);
      await store.connection.run('INSERT INTO filler VALUES (\'after\')');
      expect((await store.connection.runAndReadAll('SELECT count(*) AS n FROM filler')).getRowObjectsJS()[0]).toEqual({ n: 300001n });
    } finally {
      store.close();
    }
  });

  it('releases between the commits of an attempt writer, which stores every row', async () => {
    const store = await storeWithCachedBlocks();
    try {
      const release = await createBlockCacheRelease(store, { floorBytes: 4 * mib, everyRows: 500 });
      const commits: number[] = [];
      const writer = await createAttemptWriter(store, { batchSize: 250, afterCommit: (written) => (commits.push(written), release(written)) });
      for (let index = 0; index < 1200; index += 1) writer.add(attemptRecord({ taskId: `t${index}`, retries: 0 }));
      writer.close();
      expect(commits).toEqual([250, 500, 750, 1000, 1200]);
      expect((await poolBytes(store)).BASE_TABLE ?? 0).toBeLessThanOrEqual(4 * mib);
      const stored = (await store.connection.runAndReadAll('SELECT count(*) AS n, count(DISTINCT task_id) AS tasks FROM attempts')).getRowObjectsJS()[0];
      expect(stored).toEqual({ n: 1200n, tasks: 1200n });
    } finally {
      store.close();
    }
  });

  it('never evicts an in-memory database, whose tables live in the pool', async () => {
    const store = await openStore(':memory:');
    try {
      await store.connection.run('CREATE TABLE filler AS SELECT md5(i::VARCHAR) AS s FROM range(300000) r(i)');
      const before = await poolBytes(store);
      (await createBlockCacheRelease(store, { floorBytes: 1 * mib, everyRows: 1 }))(1);
      expect(await poolBytes(store)).toEqual(before);
    } finally {
      store.close();
    }
  });
});
