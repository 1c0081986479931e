import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportError } from '../../cli/report-error.ts';
import { loadRunInputs } from '../../harness/run/load-run-inputs.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const dir = createTempDir();
afterAll(() => dir.remove());

/** Each broken input, with what its one error line must name (the file is always checked). */
const suiteCases: Record<string, string> = {
  's-yaml-unclosed-bracket.yaml': 'invalid YAML',
  's-yaml-bad-indent.yaml': 'invalid YAML',
  's-yaml-tab-indent.yaml': 'Tabs are not allowed',
  's-yaml-duplicate-key.yaml': 'Map keys must be unique',
  's-json-trailing-comma.json': 's-json-trailing-comma.json:1:99 invalid JSON',
  's-empty-file.yaml': 'a suite must be a mapping',
  's-top-level-list.yaml': 'a suite must be a mapping',
  's-missing-prompt.yaml': 'prompt: missing required field',
  's-prompt-number.yaml': ':3:9 prompt:',
  's-version-list.yaml': 'version: expected number or string',
  's-suite-id-spaces.yaml': ':1:8 suite:',
  's-unknown-top-key.yaml': 'model: unknown key `model`',
  's-unknown-task-key.yaml': 'tasks[0].answer: unknown key',
  's-unknown-defaults-key.yaml': 'defaults.retries: unknown key',
  's-empty-tasks.yaml': 'tasks: A suite needs at least one task',
  's-tasks-not-list.yaml': 'tasks: Invalid input: expected array',
  's-duplicate-task-id.yaml': 'tasks[1].id: duplicate task id `a`',
  's-duplicate-id-across-file.yaml': 'data/dup.jsonl:1 id: duplicate task id `j1`',
  's-task-id-spaces.yaml': 'tasks[0].id:',
  's-missing-var.yaml': 'tasks[0].vars.q: task `a` has no var `q`',
  's-missing-system-var.yaml': 'tasks[0].vars.persona:',
  's-vars-not-mapping.yaml': 'tasks[0].vars:',
  's-tags-not-list.yaml': 'tasks[0].tags:',
  's-no-category.yaml': 'task `a` has no category',
  's-unknown-scorer.yaml': 'tasks[0].scorer.type:',
  's-scorer-bad-option.yaml': 'tasks[0].scorer.normalize[0]:',
  's-numeric-negative-tolerance.yaml': 'tasks[0].scorer.abs_tol:',
  's-repeats-zero.yaml': 'defaults.repeats:',
  's-repeats-fraction.yaml': 'defaults.repeats:',
  's-max-tokens-string.yaml': 'defaults.generation.max_tokens:',
  's-temperature-too-high.yaml': 'defaults.generation.temperature:',
  's-missing-data-file.yaml': 'tasks[0].file: task file `data/nope.jsonl`: file not found',
  's-data-file-is-folder.yaml': 'is a folder',
  's-data-file-broken-link.yaml': 'task file `data/broken-link.jsonl`: file not found',
  's-data-file-unknown-format.yaml': 'cannot tell the format',
  's-data-file-empty.yaml': 'has no tasks',
  's-jsonl-bad-line.yaml': 'data/bad-line.jsonl:2 invalid JSON',
  's-jsonl-unknown-key.yaml': 'data/unknown-key.jsonl:2 colour: unknown key',
  's-csv-ragged.yaml': 'data/ragged.csv:3 invalid CSV',
  's-csv-no-id.yaml': 'data/no-id.csv:2 id: missing required field',
  's-file-entry-extra-key.yaml': 'tasks[0].where: unknown key',
  's-alias-bomb.yaml': 'cannot expand the document',
  's-deep-nesting.yaml': 'nested too deeply',
  's-non-utf8.yaml': 'not valid UTF-8',
  's-two-suites-same-id': 'suite id `same` is also used by',
};

const configCases: Record<string, string> = {
  'c-yaml-syntax.yaml': 'invalid YAML',
  'c-not-mapping.yaml': 'expected object',
  'c-empty-models.yaml': 'models: A config needs at least one model',
  'c-missing-models.yaml': 'models: missing required field',
  'c-unknown-top-key.yaml': 'modles: unknown key `modles`. Fix: rename it to `models`',
  'c-unknown-provider.yaml': 'models[0].provider:',
  'c-unknown-model-key.yaml': 'models[0].temperature: unknown key',
  'c-duplicate-model-id.yaml': 'models[1].id: duplicate model id `a`',
  'c-negative-rpm.yaml': 'models[0].limits.rpm:',
  'c-zero-concurrency.yaml': 'models[0].limits.concurrency:',
  'c-negative-price.yaml': 'models[0].price.input:',
  'c-price-string.yaml': 'models[0].price.input:',
  'c-api-key-inline.yaml': 'models[0].api_key: API keys must not be written in the config',
  'c-sim-without-behaviour.yaml': 'models[0].provider: a `sim` model needs a `sim` block',
  'c-sim-block-on-openai.yaml': 'models[0].sim:',
  'c-compatible-no-base-url.yaml': '`openai-compatible` needs `base_url`',
  'c-bad-base-url.yaml': 'models[0].base_url:',
  'c-skill-above-one.yaml': 'models[0].sim.skill.default:',
  'c-skill-no-default.yaml': 'models[0].sim.skill:',
  'c-negative-retries.yaml': 'retry.max_retries:',
  'c-bad-env-name.yaml': 'models[0].api_key_env:',
};

/** Runs `baton run` on one broken input with a capped heap: running out of memory fails the test. */
function runBroken(suite: string, config: string, out: string): Promise<CliResult> {
  return runCli(['run', suite, '--config', config, '--out', out, '--sim-time-scale', '0'], { cwd: fixtures, env: { NODE_OPTIONS: '--max-old-space-size=256' } });
}

function expectOneClearError(result: CliResult, file: string, mentions: string): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toContain(file.replace(/\/$/, ''));
  expect(lines[0]).toContain(mentions);
  expect(lines[0]).toContain('Fix: ');
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(result.stdout).toBe('');
}

/**
 * What `baton run` does with its inputs before anything else, in process: load them, and on
 * failure print with the CLI's own error reporter. Fast enough to cover every case.
 */
function checkInProcess(suite: string, config: string): CliResult {
  let stderr = '';
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((stderr += chunk.toString()), done()) });
  const cwd = process.cwd();
  process.chdir(fixtures);
  try {
    loadRunInputs([suite], config);
    return { code: 0, stdout: '', stderr };
  } catch (error) {
    return { code: reportError(error, sink), stdout: '', stderr };
  } finally {
    process.chdir(cwd);
  }
}

const fileOf = (name: string, mentions: string) => (name.startsWith('s-two') ? 'bad/s-two-suites-same-id/' : mentions.startsWith('data/') ? 'bad/data/' : `bad/${name}`);

describe('hostile input corpus (test/fixtures/bad): exit 2, one clear line, nothing written', () => {
  it('has at least 40 cases', () => {
    expect(Object.keys(suiteCases).length + Object.keys(configCases).length).toBeGreaterThanOrEqual(60);
  });

  it.each(Object.entries(suiteCases))('refuses the broken suite %s', (name, mentions) => {
    expectOneClearError(checkInProcess(`bad/${name}`, 'good/config.yaml'), fileOf(name, mentions), mentions);
  });

  it.each(Object.entries(configCases))('refuses the broken config %s', (name, mentions) => {
    expectOneClearError(checkInProcess('good/suite.yaml', `bad/${name}`), `bad/${name}`, mentions);
  });

  it('the real CLI process: exit 2, no stack trace, no database, for a sample of cases', async () => {
    const sample: [string, string, string][] = [
      ['bad/s-missing-var.yaml', 'good/config.yaml', suiteCases['s-missing-var.yaml'] ?? ''],
      ['bad/s-alias-bomb.yaml', 'good/config.yaml', suiteCases['s-alias-bomb.yaml'] ?? ''],
      ['bad/s-deep-nesting.yaml', 'good/config.yaml', suiteCases['s-deep-nesting.yaml'] ?? ''],
      ['good/suite.yaml', 'bad/c-api-key-inline.yaml', configCases['c-api-key-inline.yaml'] ?? ''],
      ['good/suite.yaml', 'bad/c-zero-concurrency.yaml', configCases['c-zero-concurrency.yaml'] ?? ''],
    ];
    for (const [suite, config, mentions] of sample) {
      const out = dir.path('process-out', suite.replace(/\W/g, '-'));
      const result = await runBroken(suite, config, out);
      expectOneClearError(result, suite.startsWith('bad/') ? suite : config, mentions);
      expect(existsSync(out), suite).toBe(false);
    }
  });
});

describe('oversized input is refused quickly, within a 256 MB heap', () => {
  beforeAll(() => {
    const line = 'x'.repeat(50 * 1024 * 1024);
    writeFileSync(dir.path('big', 'huge-line.yaml'), `suite: s\nversion: 1\nprompt: "${line}"\ndefaults: { category: c }\ntasks:\n  - id: a\n`);
    writeFileSync(dir.path('big', 'data', 'huge.jsonl'), `{"id":"a","vars":{"q":"${line}"}}\n`);
    writeFileSync(dir.path('big', 'huge-jsonl.yaml'), 'suite: s\nversion: 1\nprompt: "{{q}}"\ndefaults: { category: c }\ntasks:\n  - file: data/huge.jsonl\n');
  });

  it('a 50 MB line in a suite file', async () => {
    const result = await runBroken(dir.path('big', 'huge-line.yaml'), `${fixtures}good/config.yaml`, dir.path('big-out-1'));
    expectOneClearError(result, 'huge-line.yaml', 'over the 8388608-byte limit');
    expect(existsSync(dir.path('big-out-1'))).toBe(false);
  });

  it('a 50 MB line in a JSONL task file', async () => {
    const result = await runBroken(dir.path('big', 'huge-jsonl.yaml'), `${fixtures}good/config.yaml`, dir.path('big-out-2'));
    expectOneClearError(result, 'data/huge.jsonl:1', 'over the 1048576-character limit');
  });
});

describe('bad input leaves an existing database untouched', () => {
  it('a broken suite against a results folder that already holds runs', async () => {
    const out = dir.path('existing');
    const good = await runCli(['run', 'good/suite.yaml', '--config', 'good/config.yaml', '--out', out, '--sim-time-scale', '0', '--quiet'], { cwd: fixtures });
    expect(good.code).toBe(0);
    const digest = () => createHash('sha256').update(readFileSync(`${out}/baton.duckdb`)).digest('hex');
    const before = digest();
    const result = await runBroken('bad/s-missing-var.yaml', 'good/config.yaml', out);
    expect(result.code).toBe(2);
    expect(digest()).toBe(before);
  });
});
