import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir } from '../test/helpers/temp-dir.ts';

const bin = fileURLToPath(new URL('../bin/baton.js', import.meta.url));
const dir = createTempDir();
afterEach(() => dir.remove());

/** Starts `baton` with `args`; resolves with its exit code and output once it ends. */
function baton(args: readonly string[], env: NodeJS.ProcessEnv, onStdout?: (text: string, child: ReturnType<typeof spawn>) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const suite = () => dir.write('s.yaml', 'suite: s\nversion: 1\nprompt: "What is 2 + {{b}}?"\ntasks:\n  - { id: t1, category: c, vars: { b: 1 }, expected: "3" }\n');

describe('baton CLI with real providers', () => {
  it('names the missing key variables before any call, exits 2 and writes nothing', async () => {
    const config = dir.write('c.yaml', 'models:\n  - { id: g, provider: openai, model: gpt-5-mini }\n  - { id: c, provider: anthropic, model: claude-haiku-4-5 }\n');
    const out = dir.path('out');
    const result = await baton(['run', suite(), '--config', config, '--out', out], { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the environment variable `OPENAI_API_KEY` is not set');
    expect(result.stderr).toContain('the environment variable `ANTHROPIC_API_KEY` is not set');
    expect(result.stderr).toContain('models[1].provider');
    expect(existsSync(out)).toBe(false);
  });

  it('sim-serve answers over HTTP until interrupted, then says what it served', async () => {
    let asked = false;
    let answer: { status: number; content: unknown } | undefined;
    const result = await baton(['sim-serve', '--port', '0', '--time-scale', '0', '--suites', suite()], {}, (stdout, child) => {
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url === undefined || asked) return;
      asked = true;
      void fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'sprint-1', messages: [{ role: 'user', content: 'What is 2 + 1?' }], seed: 1 }) })
        .then(async (response) => {
          answer = { status: response.status, content: ((await response.json()) as { choices: { message: { content: unknown } }[] }).choices[0]?.message.content };
        })
        .finally(() => child.kill('SIGINT'));
    });
    expect(answer).toMatchObject({ status: 200, content: expect.any(String) as unknown });
    expect(result.stdout).toContain('base_url http://127.0.0.1:');
    expect(result.stdout).toContain('sim-serve: served 1 requests (ok 1)');
    expect(result.code).toBe(0);
  });
});
