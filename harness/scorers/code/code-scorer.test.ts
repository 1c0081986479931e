import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../core/scorer-spec.ts';
import { createScorer } from '../create-scorer.ts';
import { nodeSandboxFlags } from './node-sandbox-flags.ts';

const code = createScorer(ScorerSpecSchema.parse({ type: 'code', timeout_ms: 1500, memory_mb: 64, max_output_bytes: 4096 }));
const tests = ['assert.strictEqual(add(1, 2), 3)', 'add(2, 2) === 4', 'add(-1, 1) === 0'];
const task = { expected: undefined, vars: { tests } };
const fenced = (source: string) => `Here you go:\n\`\`\`js\n${source}\n\`\`\`\nHope it helps.`;
const escape = join(tmpdir(), `baton-escape-${process.pid}.txt`);
afterAll(() => {
  rmSync(escape, { force: true });
  delete process.env.BATON_TEST_SECRET;
});

describe.concurrent('code scorer', () => {
  it('scores the share of tests passed, from the last fenced block', async () => {
    expect(await code(task, fenced('function add(a, b) { return a + b; }'))).toMatchObject({ value: 1, passed: true, explanation: '3/3 tests passed' });
    const partial = await code(task, `\`\`\`js\nfunction add() { return 0; }\n\`\`\`\nFixed:\n${fenced('function add(a, b) { return a === 2 ? a + b : 3; }')}`);
    expect(partial.value).toBeCloseTo(2 / 3, 10);
    expect(partial.explanation).toBe('2/3 tests passed; test 3: the test evaluated to false');
  });

  it('accepts ES module syntax and unfenced code', async () => {
    expect((await code(task, fenced("import { strictEqual } from 'node:assert';\nexport default function add(a, b) { return a + b; }"))).value).toBe(1);
    expect((await code(task, 'const add = (a, b) => a + b;')).value).toBe(1);
  });

  it('kills a program that loops forever at the time limit', async () => {
    const score = await code(task, fenced('function add(a, b) { for (;;) {} }'));
    expect(score).toMatchObject({ value: 0, passed: false });
    expect(score.explanation).toMatch(/killed after the 1500 ms time limit/);
  });

  it('keeps the results reported before a later test hangs', async () => {
    const score = await code({ expected: undefined, vars: { tests: ['add(1, 2) === 3', 'hang()'] } }, fenced('function add(a, b) { return a + b; }\nfunction hang() { for (;;) {} }'));
    expect(score.value).toBe(0.5);
  });

  it('gives the program an empty environment', async () => {
    process.env.BATON_TEST_SECRET = 'hunter2';
    const envTask = { expected: undefined, vars: { tests: ['Object.keys(process.env).length === 0', 'leak() === undefined'] } };
    expect((await code(envTask, fenced('function leak() { return process.env.BATON_TEST_SECRET; }'))).value).toBe(1);
  });

  it('refuses writes outside its temp folder, and allows them inside', async () => {
    const hostile = await code(task, fenced(`require('node:fs').writeFileSync(${JSON.stringify(escape)}, 'pwned');\nfunction add(a, b) { return a + b; }`));
    expect(hostile.value).toBe(0);
    expect(hostile.explanation).toMatch(/restricted|ERR_ACCESS_DENIED/);
    expect(existsSync(escape)).toBe(false);
    expect((await code(task, fenced("require('node:fs').writeFileSync('scratch.txt', 'ok');\nfunction add(a, b) { return a + b; }"))).value).toBe(1);
  });

  it('refuses reads outside its temp folder, child processes and network calls', async () => {
    const probe = (source: string) => code({ expected: undefined, vars: { tests: [`(() => { try { ${source}; return false; } catch (error) { return true; } })()`] } }, 'const x = 1;');
    expect((await probe("require('node:fs').readFileSync('/etc/hostname')")).passed).toBe(true);
    expect((await probe("require('node:child_process').execSync('true')")).passed).toBe(true);
    expect((await probe("require('node:net').connect(80, '127.0.0.1')")).passed).toBe(true);
    expect((await probe("fetch('http://127.0.0.1:9')")).passed).toBe(true);
  });

  it('contains a fork bomb attempt: no process, no worker, killed at the time limit', async () => {
    // Each spawn is refused by the permission model; the loop keeps trying until the time limit kills it.
    const bomb = fenced(`const { spawn, fork } = require('node:child_process');
const { Worker } = require('node:worker_threads');
let spawned = 0;
for (;;) {
  try { spawn(process.execPath, ['-e', 'for(;;){}']); spawned++; } catch {}
  try { fork(__filename); spawned++; } catch {}
  try { new Worker('for(;;){}', { eval: true }); spawned++; } catch {}
}
function add(a, b) { return a + b; }`);
    const score = await code(task, bomb);
    expect(score).toMatchObject({ value: 0, passed: false });
    expect(score.explanation).toMatch(/killed after the 1500 ms time limit/);
    const probe = (source: string) => code({ expected: undefined, vars: { tests: [`(() => { try { ${source}; return false; } catch (error) { return true; } })()`] } }, 'const x = 1;');
    expect((await probe("require('node:child_process').fork('x.js')")).passed).toBe(true);
    expect((await probe("new (require('node:worker_threads').Worker)('1', { eval: true })")).passed).toBe(true);
  });

  it('caps huge output and still reads the results', async () => {
    const score = await code(task, fenced("const line = 'x'.repeat(1000);\nfor (let i = 0; i < 20000; i++) console.log(line);\nfunction add(a, b) { return a + b; }"));
    expect(score.value).toBe(1);
  });

  it('contains a program that exhausts its heap', async () => {
    const score = await code(task, fenced('const hog = []; for (;;) hog.push(new Array(1e6).fill(1));'));
    expect(score.value).toBe(0);
    expect(score.explanation).toMatch(/no result/);
  });

  it('fails every test of a program that does not parse, with the reason', async () => {
    expect((await code(task, fenced('function add(a, b) { return a +'))).explanation).toMatch(/SyntaxError/);
  });

  it('says when the task has no tests, and reads tests from `expected` too', async () => {
    expect((await code({ expected: undefined, vars: {} }, 'x')).explanation).toMatch(/has no tests/);
    expect((await code({ expected: ['add(1, 1) === 2'], vars: {} }, 'function add(a, b) { return a + b; }')).passed).toBe(true);
  });
});

describe('sandbox flags', () => {
  it('uses the permission flag of the running Node version', () => {
    expect(nodeSandboxFlags('/d', 64, '20.20.2')).toEqual(['--experimental-permission', '--allow-fs-read=/d', '--allow-fs-write=/d', '--max-old-space-size=64', '--no-warnings']);
    expect(nodeSandboxFlags('/d', 64, '22.13.0')[0]).toBe('--permission');
    expect(nodeSandboxFlags('/d', 64, '22.12.0')[0]).toBe('--experimental-permission');
  });
});
