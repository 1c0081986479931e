import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { simModel } from '../helpers/tiny-run.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

describe('Ctrl-C and --resume', () => {
  it('stops gracefully on SIGINT, prints the resume command, and the resume completes exactly once', async () => {
    const suite = dir.write('s.yaml', 'suite: s\nversion: 1\nprompt: "{{q}}"\ndefaults: { category: c }\ntasks:\n' + Array.from({ length: 60 }, (_, index) => `  - { id: t${index}, vars: { q: "q${index}" }, expected: x }`).join('\n') + '\n');
    const slow = '{ skill: { default: 0.5 }, latency: { ttft_ms: 100, tokens_per_s: 1000, jitter: 0 } }';
    const config = dir.write('c.yaml', `models:\n  - ${simModel('a', slow, '{ concurrency: 1 }')}\n  - ${simModel('b', slow, '{ concurrency: 1 }')}\n`);
    const out = dir.path('out');
    let sent = false;
    const first = await runCli(['run', suite, '--config', config, '--out', out, '--json'], {
      // 60 tasks x 100 ms per model at concurrency 1 take 6 s: interrupt 1.5 s after the run starts.
      onStderr: (child, stderr) => {
        if (!sent && stderr.includes(' started: ')) {
          sent = true;
          setTimeout(() => child.kill('SIGINT'), 1500);
        }
      },
    });
    expect(sent).toBe(true);
    expect(first.code).toBe(1);
    const outcome = JSON.parse(first.stdout) as { runId: string; status: string };
    expect(outcome.status).toBe('interrupted');
    expect(first.stderr).toContain(`resume with: npx baton run --resume ${outcome.runId} --out ${out}`);

    const resumed = await runCli(['run', '--resume', outcome.runId, '--out', out, '--json']);
    expect(resumed.stderr).toMatch(new RegExp(`^run ${outcome.runId} resumed: 120 attempts planned, \\d+ already stored\n$`));
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ runId: outcome.runId, status: 'completed' });

    const store = await openStore(`${out}/baton.duckdb`);
    const [row] = (await store.connection.runAndReadAll("SELECT count(*)::INT AS n, count(DISTINCT (task_id, model_id, repeat_index))::INT AS keys, any_value(r.status) AS status FROM attempts JOIN runs r USING (run_id)")).getRowObjectsJS();
    store.close();
    expect(row).toEqual({ n: 120, keys: 120, status: 'completed' });
  });
});
