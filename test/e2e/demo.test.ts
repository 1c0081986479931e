import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

describe('baton demo', () => {
  it('runs the bundled suites on the simulated fleet: one ok attempt per (task, model, repeat)', async () => {
    const out = dir.path('demo');
    const result = await runCli(['demo', '--out', out, '--sim-time-scale', '0', '--json']);
    expect(result.stderr).toMatch(/^run r\S+ started: 732 attempts planned\n$/);
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as { runId: string; status: string; simulated: boolean; planned: number; executed: Record<string, number>; models: { model_id: string }[] };
    expect(outcome).toMatchObject({ status: 'completed', simulated: true });
    expect(outcome.models).toHaveLength(6);
    expect(existsSync(`${out}/baton.duckdb`)).toBe(true);
    // The main job's other outputs: a validated routing policy (with its evaluation) and the report.
    const policy = JSON.parse(readFileSync(`${out}/policy.json`, 'utf8')) as { routes: { match: { tags?: string[] }; model: string }[]; provenance: { runs: string[] } };
    expect(policy.provenance.runs).toEqual([outcome.runId]);
    expect(policy.routes.filter((route) => route.match.tags?.includes('pii')).every((route) => route.model === 'sim-local')).toBe(true);
    expect(existsSync(`${out}/policy.evaluation.json`)).toBe(true);
    const html = readFileSync(`${out}/report.html`, 'utf8');
    expect(html).toContain(outcome.runId);
    expect(html).toContain('<svg');

    const store = await openStore(`${out}/baton.duckdb`);
    const query = async (sql: string) => (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
    try {
      const [expected] = await query('SELECT (SELECT sum(repeats) FROM tasks) * (SELECT count(*) FROM run_models) AS n');
      const [actual] = await query("SELECT count(*) AS n, count(DISTINCT (suite_id, task_id, model_id, repeat_index)) AS keys, count(*) FILTER (WHERE status = 'ok') AS ok FROM attempts");
      expect(Number(expected?.n)).toBe(122 * 6);
      expect(actual).toEqual({ n: expected?.n, keys: expected?.n, ok: expected?.n });
      expect(outcome.planned).toBe(Number(expected?.n));
      const [run] = await query('SELECT simulated, status FROM runs');
      expect(run).toEqual({ simulated: true, status: 'completed' });
      // The fleet has real differences to learn: the best and worst model differ by far more than noise.
      const rates = (await query("SELECT model_id, avg(passed::INT) AS rate FROM attempts GROUP BY model_id")).map((row) => Number(row.rate));
      expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.2);
    } finally {
      store.close();
    }
  });

  it('prints a summary table with the simulated banner on a plain run', async () => {
    const result = await runCli(['demo', '--out', dir.path('table'), '--sim-time-scale', '0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SIMULATED');
    expect(result.stdout).toMatch(/sim-titan\s+│\s+122/);
    expect(result.stdout).toContain('p50 latency ms');
  });
});
