import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { simModel } from '../helpers/tiny-run.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('bad input: exit 2, one clear line per problem, no stack trace, nothing written', () => {
  it('validate names the file, the line and the field of a broken suite', async () => {
    const file = dir.write('broken.yaml', 'suite: b\nversion: 1\nprompt: "Hi {{name}}"\ndefaults: { category: c }\ntasks:\n  - id: a\n    vars: { nme: x }\n');
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${file}:6 tasks[0].vars.name: task \`a\` has no var \`name\``);
    expect(result.stderr).toContain('Fix: add `name`');
    noStack(result.stderr);
  });

  it('validate accepts the bundled suites and config', async () => {
    const result = await runCli(['validate', 'suites', '--config', 'baton.config.yaml']);
    expect(result).toMatchObject({ code: 0, stdout: 'ok: 3 suite(s), 122 task(s), 6 model(s)\n' });
  });

  it('run with a broken config exits 2 and creates no database', async () => {
    const config = dir.write('bad-config.yaml', 'models:\n  - { id: a, provider: sim, model: a, limits: { concurrency: 0 }, sim: { skill: { default: 1 } } }\n');
    const out = dir.path('never');
    const result = await runCli(['run', 'suites', '--config', config, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${config}:2:`);
    expect(result.stderr).toContain('models[0].limits.concurrency');
    noStack(result.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown flag or command is a usage error (exit 2)', async () => {
    expect((await runCli(['run', 'suites', '--no-such-flag'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('every command has --help with examples', async () => {
    for (const command of ['run', 'validate', 'demo', 'schema']) {
      const result = await runCli([command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain('Examples:');
    }
  });
});

describe('run exit codes', () => {
  it('exits 1 when more attempts fail than --max-error-rate allows, and 0 when they are allowed', async () => {
    const suite = dir.write('one.yaml', 'suite: one\nversion: 1\nprompt: "{{q}}"\ndefaults: { category: c }\ntasks:\n' + Array.from({ length: 20 }, (_, index) => `  - { id: t${index}, vars: { q: "q${index}" }, expected: x }`).join('\n') + '\n');
    const config = dir.write('faulty.yaml', `retry: { max_retries: 0 }\nmodels:\n  - ${simModel('f', '{ skill: { default: 1 }, faults: { server_error: 0.5 } }')}\n`);
    const failing = await runCli(['run', suite, '--config', config, '--out', dir.path('f1'), '--sim-time-scale', '0', '--quiet']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/\d+ of 20 attempts failed .* over --max-error-rate 0.05/);
    const tolerated = await runCli(['run', suite, '--config', config, '--out', dir.path('f2'), '--sim-time-scale', '0', '--quiet', '--max-error-rate', '1']);
    expect(tolerated).toMatchObject({ code: 0, stdout: '' });
  });
});
