import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

const dir = createTempDir();
afterAll(() => dir.remove());
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['run', 'suites/', '--sim-time-scale', '0', '--quiet', ...args], { env });

beforeAll(async () => {
  const results = await Promise.all([run(['--out', dir.path('full')]), ...[1, 2, 3].map((index) => run(['--shard', `${index}/3`, '--out', dir.path(`shard-${index}`)], index === 2 ? { BATON_HTTP_TRANSPORT: 'fetch' } : undefined))]);
  for (const result of results) expect(result.stderr).toBe('');
  for (const index of [1, 2, 3]) {
    const exported = await runCli(['export-results', '--results', dir.path(`shard-${index}`), '--out', dir.path(`shard-${index}.parquet`), '--quiet']);
    expect(exported.code).toBe(0);
  }
}, 180_000);

describe('baton run --shard, export-results and merge', () => {
  it('three shards merged equal the unsharded run: same keys, statuses, outputs, scores and costs', async () => {
    const merged = await runCli(['merge', ...[1, 2, 3].map((index) => dir.path(`shard-${index}.parquet`)), '--out', dir.path('full'), '--json']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    const outcome = JSON.parse(merged.stdout) as { runId: string; attempts: number; missingShards: number[] };
    expect(outcome).toMatchObject({ attempts: 732, missingShards: [] });
    const store = await openStore(dir.path('full', 'baton.duckdb'));
    const query = async (sql: string) => (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
    try {
      const [full] = await query("SELECT run_id FROM runs WHERE source = 'run'");
      const pair = `WITH a AS (SELECT * FROM attempts WHERE run_id = '${full?.run_id as string}'), b AS (SELECT * FROM attempts WHERE run_id = '${outcome.runId}')`;
      const [diff] = await query(`${pair} SELECT count(*) AS n, count(a.task_id) AS full, count(b.task_id) AS merged,
        count(*) FILTER (WHERE a.status IS DISTINCT FROM b.status OR a.output IS DISTINCT FROM b.output OR a.score IS DISTINCT FROM b.score OR a.passed IS DISTINCT FROM b.passed OR a.cost_usd IS DISTINCT FROM b.cost_usd) AS different
        FROM a FULL JOIN b USING (suite_id, task_id, model_id, repeat_index)`);
      expect(diff).toEqual({ n: 732n, full: 732n, merged: 732n, different: 0n });
      const [tasks] = await query(`SELECT count(*) AS n FROM tasks WHERE run_id = '${outcome.runId}'`);
      expect(tasks?.n).toBe(122n);
      const [record] = await query(`SELECT source, status, planned_attempts, json_array_length(options -> 'merged_from') AS sources, options ->> 'shard' AS shard, options ->> 'http_transport' AS transport FROM runs WHERE run_id = '${outcome.runId}'`);
      // Shard 2 ran with the built-in fetch: shards may differ in how they reach providers, and the merged run says so.
      expect(record).toEqual({ source: 'merge', status: 'completed', planned_attempts: 732n, sources: 3n, shard: null, transport: 'mixed' });
      // Shards split by task: every model and repeat of a task in one shard, and none empty.
      const sizes = await Promise.all([1, 2, 3].map(async (index) => {
        const shard = await openStore(dir.path(`shard-${index}`, 'baton.duckdb'));
        const rows = (await shard.connection.runAndReadAll('SELECT count(DISTINCT (suite_id, task_id)) AS tasks, count(*) AS attempts FROM attempts')).getRowObjectsJS();
        shard.close();
        return rows[0];
      }));
      expect(sizes.reduce((sum, size) => sum + Number(size?.tasks), 0)).toBe(122);
      for (const size of sizes) expect(Number(size?.attempts)).toBe(Number(size?.tasks) * 6);
    } finally {
      store.close();
    }
    // The merged run reports and compares like a native one.
    const compare = await runCli(['compare', String((await firstRunId(dir.path('full'))) ?? ''), outcome.runId, '--results', dir.path('full'), '--format', 'json']);
    expect(compare.code).toBe(0);
    expect((JSON.parse(compare.stdout) as { regressions: number }).regressions).toBe(0);
  });

  it('refuses a shard twice, shards of other suites, and a bad --shard; warns of a missing shard', async () => {
    const twice = await runCli(['merge', dir.path('shard-1.parquet'), dir.path('shard-2.parquet'), dir.path('shard-1.parquet'), '--out', dir.path('twice')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is the same file as');
    const other = await runCli(['run', 'suites/word-problems.yaml', '--shard', '2/3', '--sim-time-scale', '0', '--quiet', '--out', dir.path('other')]);
    expect(other.code).toBe(0);
    await runCli(['export-results', '--results', dir.path('other'), '--out', dir.path('other.parquet'), '--quiet']);
    const mixed = await runCli(['merge', dir.path('shard-1.parquet'), dir.path('other.parquet'), '--out', dir.path('mixed')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/other\.parquet run r\S+: comes from other suites than .*shard-1\.parquet/);
    const bad = await runCli(['run', 'suites/', '--shard', '4/3', '--out', dir.path('bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected `--shard` to be i/n with 1 ≤ i ≤ n (e.g. 2/3), got `4/3`');
    const partial = await runCli(['merge', dir.path('shard-1.parquet'), dir.path('shard-3.parquet'), '--out', dir.path('partial'), '--quiet']);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('shard(s) 2 missing');
  });
});

async function firstRunId(folder: string): Promise<string | undefined> {
  const store = await openStore(`${folder}/baton.duckdb`);
  const rows = (await store.connection.runAndReadAll("SELECT run_id FROM runs WHERE source = 'run'")).getRowObjectsJS();
  store.close();
  return rows[0] === undefined ? undefined : rows[0].run_id as string;
}
