import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

describe('baton import (CLI)', () => {
  it('exits 2 on a bad file with one line per problem (file, row, column), leaving the database without a run', async () => {
    const good = dir.write('good.csv', 'task_id,model,score\nt1,a,1\nt1,b,0\n');
    const bad = dir.write('bad.csv', 'task_id,model,score\nt2,a,1\nt2,,0\n');
    const result = await runCli(['import', 'long', good, bad, '--out', dir.path('out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${bad} row 2 column \`model\`: is empty. Fix: correct the value (scores are numbers in [0, 1]; tokens, cost and latency are numbers)\n`);
    const store = await openStore(dir.path('out', 'baton.duckdb'));
    const rows = (await store.connection.runAndReadAll('SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM attempts) AS attempts')).getRowObjectsJS();
    store.close();
    expect(rows).toEqual([{ runs: 0n, attempts: 0n }]);
    const ok = await runCli(['import', 'long', good, '--name', 'quiz', '--out', dir.path('out')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^imported run r\S+: 2 attempts, 1 tasks, 2 models into /);
    const unknown = await runCli(['import', 'nope', good]);
    expect(unknown.code).toBe(2);
  });
});
