import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { simModel, writeTinySuite } from '../helpers/tiny-run.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

describe('two baton run processes on one database', () => {
  it('the second exits 2 with a clear message; the first keeps its run and stops cleanly', async () => {
    // Long enough (about 30 s at one call at a time) that the second process always starts while the first runs;
    // the first is stopped with Ctrl-C once the second has answered, so the test does not wait for it.
    const { file } = writeTinySuite(dir, 300);
    const slow = '{ skill: { default: 0.7 }, latency: { ttft_ms: 100, tokens_per_s: 1000, jitter: 0 } }';
    const config = dir.write('models.yaml', `models:\n  - ${simModel('a', slow, '{ concurrency: 1 }')}\n`);
    const out = dir.path('out');
    let second: Promise<CliResult> | undefined;
    let firstWasRunning = false;
    const first = runCli(['run', file, '--config', config, '--out', out], {
      onStderr: (child, stderr) => {
        if (second !== undefined || !stderr.includes(' started: ')) return;
        second = runCli(['run', file, '--config', config, '--out', out]).then((result) => {
          firstWasRunning = child.exitCode === null;
          child.kill('SIGINT');
          return result;
        });
      },
    });
    const firstResult = await first;
    const secondResult = await second;
    expect(firstWasRunning).toBe(true);
    expect(secondResult?.code).toBe(2);
    expect(secondResult?.stderr).toMatch(/^error: the database .*baton\.duckdb is in use by another baton process\. Fix: wait for the other run to finish, or use another --out folder\n$/);
    expect(secondResult?.stdout).toBe('');
    // Interrupted by the test, not by the second process.
    expect(firstResult.code).toBe(1);
    expect(firstResult.stderr).toMatch(/interrupted; resume with: npx baton run --resume r\S+/);
    const store = await openStore(`${out}/baton.duckdb`);
    try {
      const rows = (await store.connection.runAndReadAll('SELECT status, (SELECT count(*)::INT FROM attempts) AS n, (SELECT count(DISTINCT (task_id, repeat_index))::INT FROM attempts) AS keys, (SELECT count(DISTINCT run_id)::INT FROM attempts) AS runs FROM runs')).getRowObjectsJS();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'interrupted', runs: 1 });
      expect(rows[0]?.n).toBe(rows[0]?.keys);
      expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});
