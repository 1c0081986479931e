import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { simModel } from '../helpers/tiny-run.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

const tasks = 150;
const planned = tasks * 2;

async function readState(out: string): Promise<{ runId: string | undefined; stored: number; keys: number; status: string | undefined }> {
  const store = await openStore(`${out}/baton.duckdb`);
  try {
    const runs = (await store.connection.runAndReadAll('SELECT run_id, status FROM runs')).getRowObjectsJS();
    expect(runs.length).toBeLessThanOrEqual(1);
    const [counts] = (await store.connection.runAndReadAll('SELECT count(*)::INT AS n, count(DISTINCT (suite_id, task_id, model_id, repeat_index))::INT AS keys FROM attempts')).getRowObjectsJS();
    return { runId: runs[0]?.run_id as string | undefined, status: runs[0]?.status as string | undefined, stored: Number(counts?.n), keys: Number(counts?.keys) };
  } finally {
    store.close();
  }
}

describe('crash safety: SIGKILL at any point, then --resume, gives exactly one attempt per key', () => {
  it('survives kills at six points of a run', async () => {
    const suite = dir.write('s.yaml', 'suite: s\nversion: 1\nprompt: "{{q}}"\ndefaults: { category: c }\ntasks:\n' + Array.from({ length: tasks }, (_, index) => `  - { id: t${index}, vars: { q: "q${index}" }, expected: x }`).join('\n') + '\n');
    const sim = '{ skill: { default: 0.5 }, latency: { ttft_ms: 25, tokens_per_s: 2000, jitter: 0.3 } }';
    const config = dir.write('c.yaml', `models:\n  - ${simModel('a', sim, '{ concurrency: 4 }')}\n  - ${simModel('b', sim, '{ concurrency: 4 }')}\n`);
    const storedAtKill: number[] = [];
    // Kill points, in ms after the run announced itself (0 = at once); the last is well past the end.
    for (const delayMs of [0, 40, 300, 700, 1100, 5000]) {
      const out = dir.path(`kill-${delayMs}`);
      let armed = false;
      const killed = await runCli(['run', suite, '--config', config, '--out', out], {
        onStderr: (child, stderr) => {
          if (!armed && stderr.includes(' started: ')) {
            armed = true;
            setTimeout(() => child.kill('SIGKILL'), delayMs);
          }
        },
      });
      if (killed.code === 0) {
        // The run finished before the kill landed: that point is past the end.
        storedAtKill.push(planned);
        continue;
      }
      expect(killed.signal ?? 'SIGKILL').toBe('SIGKILL');
      if (!existsSync(`${out}/baton.duckdb`)) {
        storedAtKill.push(-1);
        expect((await runCli(['run', suite, '--config', config, '--out', out, '--quiet'])).code).toBe(0);
      } else {
        const state = await readState(out);
        expect(state.keys).toBe(state.stored);
        storedAtKill.push(state.runId === undefined ? -1 : state.stored);
        const args = state.runId === undefined ? ['run', suite, '--config', config] : ['run', '--resume', state.runId];
        const resumed = await runCli([...args, '--out', out, '--quiet']);
        expect(resumed.stderr).toBe('');
        expect(resumed.code).toBe(0);
      }
      const final = await readState(out);
      expect(final).toMatchObject({ stored: planned, keys: planned, status: 'completed' });
    }
    // The kills landed in different phases: part way through, and after the end.
    expect(storedAtKill.some((stored) => stored >= 0 && stored < planned), storedAtKill.join(',')).toBe(true);
    expect(storedAtKill.at(-1)).toBe(planned);
    expect(new Set(storedAtKill).size, storedAtKill.join(',')).toBeGreaterThanOrEqual(4);
  });
});
