import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/input-error.ts';
import { openStore } from '../store/open-store.ts';
import { setRunStatus } from '../store/write-run.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { simModel, writeSimConfig, writeTinySuite } from '../../test/helpers/tiny-run.ts';
import { executeRun } from './execute-run.ts';
import { selectShard, shardOfTask } from './select-shard.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

describe('selectShard', () => {
  it('partitions the tasks: each in exactly one shard, stable, roughly even', () => {
    const { suite } = writeTinySuite(dir, 300);
    const shards = [1, 2, 3].map((index) => [...(selectShard([suite], { index, count: 3 })[0]?.tasks ?? [])].map((task) => task.id));
    expect(shards.flat().sort()).toEqual([...suite.tasks].map((task) => task.id).sort());
    expect(shards.map((_ids, index) => selectShard([suite], { index: index + 1, count: 3 })[0]?.tasks.count)).toEqual(shards.map((shard) => shard.length));
    for (const ids of shards) expect(ids.length).toBeGreaterThan(70);
    expect(shardOfTask('tiny', 't5', 3)).toBe(shardOfTask('tiny', 't5', 3));
    expect(selectShard([suite], undefined)[0]?.tasks.count).toBe(300);
  });

  it('runs only the shard, records it, and refuses to resume it as another shard', async () => {
    const { file, suite } = writeTinySuite(dir, 30, 'resume');
    const config = writeSimConfig(dir, [simModel('a'), simModel('b')]);
    const dbPath = dir.path('shard.duckdb');
    const shard = { index: 2, count: 3 };
    const outcome = await executeRun({ suitePaths: [file], suites: [suite], config, dbPath, simTimeScale: 0, shard });
    const expected = selectShard([suite], shard)[0]?.tasks.count ?? 0;
    expect(outcome.planned).toBe(expected * 2);
    const store = await openStore(dbPath);
    const [row] = (await store.connection.runAndReadAll("SELECT options ->> 'shard' AS shard, (SELECT count(*) FROM tasks) AS tasks FROM runs")).getRowObjectsJS();
    expect(row).toEqual({ shard: '{"index":2,"count":3}', tasks: BigInt(expected) });
    await setRunStatus(store, outcome.runId, 'interrupted');
    store.close();
    const resumed = executeRun({ suitePaths: [file], suites: [suite], config, dbPath, simTimeScale: 0, resumeRunId: outcome.runId, shard: { index: 1, count: 3 } });
    await expect(resumed).rejects.toBeInstanceOf(InputError);
    await expect(resumed).rejects.toThrow('the run used --shard 2/3');
  });
});
