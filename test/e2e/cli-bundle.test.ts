import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { simModel, writeSimConfig, writeTinySuite } from '../helpers/tiny-run.ts';

// A copy of the package whose dist/ this file builds and tampers with: the repository's own dist/
// may be in use by other tests' CLI processes. Sources are symlinked, `bin/baton.js` is copied
// (Node runs a symlinked entry point from its real path, which would be the repository's).
const repository = fileURLToPath(new URL('../../', import.meta.url));
const dir = createTempDir();
const work = createTempDir();
const bin = dir.path('bin', 'baton.js');
const stampFile = dir.path('dist', 'stamp.json');
const debug = { BATON_DEBUG: '1', BATON_FROM_SOURCE: undefined };
const runsBundle = 'baton: running the build in dist/\n';
const version = (JSON.parse(readFileSync(`${repository}package.json`, 'utf8')) as { version: string }).version;
let stamp = '';
let suite = '';
let config = '';

beforeAll(() => {
  for (const entry of ['cli', 'harness', 'policies', 'reports', 'scripts', 'suites', 'node_modules', 'package.json', 'baton.config.yaml']) {
    symlinkSync(`${repository}${entry}`, `${dir.root}/${entry}`);
  }
  copyFileSync(`${repository}bin/baton.js`, bin);
  rmSync(`${dir.root}/dist`, { recursive: true, force: true });
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts', '--outdir', `${dir.root}/dist`], { cwd: repository, encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  stamp = readFileSync(stampFile, 'utf8');
  suite = writeTinySuite(work, 4).file;
  writeSimConfig(work, [simModel('m')]);
  config = work.path('models.yaml');
});
afterAll(() => {
  dir.remove();
  work.remove();
});

/** `baton run` of the tiny suite through the copy's entry point; its parsed `--json` outcome and the run's stored baton version. */
async function runTinySuite(name: string, env: NodeJS.ProcessEnv) {
  const out = work.path(name);
  const result = await runCli(['run', suite, '--config', config, '--out', out, '--sim-time-scale', '0', '--json'], { bin, env });
  expect(result.code, result.stderr).toBe(0);
  const store = await openStore(`${out}/baton.duckdb`);
  try {
    const [run] = (await store.connection.runAndReadAll('SELECT baton_version FROM runs')).getRowObjectsJS();
    return { stderr: result.stderr, outcome: JSON.parse(result.stdout) as { executed: Record<string, number> }, batonVersion: run?.baton_version };
  } finally {
    store.close();
  }
}

describe('the built CLI (dist/)', () => {
  it('runs a suite end to end, resolving package files (package.json) as the sources do', async () => {
    const { stderr, outcome, batonVersion } = await runTinySuite('bundled', debug);
    expect(stderr.startsWith(runsBundle)).toBe(true);
    expect(outcome.executed).toMatchObject({ ok: 4, error: 0 });
    expect(batonVersion).toBe(version);
  });

  it('bundles the packages a run loads, instead of loading them from node_modules', () => {
    const code = readdirSync(dir.path('dist')).filter((file) => file.endsWith('.js')).map((file) => readFileSync(dir.path('dist', file), 'utf8')).join('\n');
    // How esbuild's output loads what it left out: an import statement, a dynamic import, a require.
    const loaded = new Set([...code.matchAll(/^import .* from "([^"]+)";$|\bimport\("([^"]+)"\)|__require\("([^"]+)"\)/gm)].map((match) => (match[1] ?? match[2] ?? match[3] ?? '').replace(/^(@[^/]+\/[^/]+|[^@/][^/]*).*$/, '$1')));
    expect(loaded).toContain('tsx');
    for (const name of ['openai', '@anthropic-ai/sdk', '@google/genai', '@duckdb/node-api', 'zod', 'yaml', 'yargs', 'p-queue', 'csv-parse', 'jsonc-parser', 'arquero', 'vega']) expect(loaded).not.toContain(name);
  });

  it('lists every command and prints the version', async () => {
    const help = await runCli(['--help'], { bin, env: debug });
    expect(help).toMatchObject({ code: 0, stderr: runsBundle });
    expect(help.stdout).toContain('evaluate-policy');
    expect(await runCli(['--version'], { bin, env: debug })).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('loads a TypeScript custom scorer, though it registers no TypeScript loader', async () => {
    work.write('scorers/short.ts', 'export const short = (_task: unknown, completion: string): boolean => completion.length < 1000;\n');
    const custom = work.write('custom.yaml', 'suite: custom\nversion: 1\nprompt: "{{q}}"\ndefaults: { category: c, scorer: { type: custom, module: ./scorers/short.ts, export: short } }\ntasks:\n  - { id: a, vars: { q: hi }, expected: x }\n');
    const out = work.path('custom');
    const result = await runCli(['run', custom, '--config', config, '--out', out, '--sim-time-scale', '0', '--quiet'], { bin, env: debug });
    expect(result).toMatchObject({ code: 0, stderr: runsBundle });
    const store = await openStore(`${out}/baton.duckdb`);
    try {
      expect((await store.connection.runAndReadAll('SELECT status, passed FROM attempts')).getRowObjectsJS()).toEqual([{ status: 'ok', passed: true }]);
    } finally {
      store.close();
    }
  });

  it('names the .ts sources in stack traces', async () => {
    const notAFolder = work.write('not-a-folder', '');
    const result = await runCli(['run', suite, '--config', config, '--out', `${notAFolder}/out`, '--sim-time-scale', '0'], { bin, env: debug });
    expect(result.code).toBe(1);
    expect(result.stderr.startsWith(runsBundle)).toBe(true);
    expect(result.stderr).toMatch(/at openStore \(.*harness\/store\/open-store\.ts:\d+:\d+\)/);
  });
});

describe('the fallback to the sources through tsx', () => {
  it('runs the sources when a bundled file changed since the build, with the same results', async () => {
    const inputs = (JSON.parse(stamp) as { inputs: Record<string, number> }).inputs;
    writeFileSync(stampFile, JSON.stringify({ inputs: { ...inputs, 'cli/main.ts': (inputs['cli/main.ts'] ?? 0) - 1 } }));
    try {
      const { stderr, outcome, batonVersion } = await runTinySuite('stale', debug);
      expect(stderr.startsWith('baton: running the TypeScript sources through tsx (cli/main.ts changed since `npm run build`)\n')).toBe(true);
      expect(outcome.executed).toMatchObject({ ok: 4, error: 0 });
      expect(batonVersion).toBe(version);
    } finally {
      writeFileSync(stampFile, stamp);
    }
  });

  it('runs the sources when packages were installed since the build (the bundle holds the old ones)', async () => {
    const inputs = (JSON.parse(stamp) as { inputs: Record<string, number> }).inputs;
    expect(inputs['node_modules/.package-lock.json']).toBeTypeOf('number');
    writeFileSync(stampFile, JSON.stringify({ inputs: { ...inputs, 'node_modules/.package-lock.json': (inputs['node_modules/.package-lock.json'] ?? 0) - 1 } }));
    try {
      const result = await runCli(['--version'], { bin, env: debug });
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: 'baton: running the TypeScript sources through tsx (packages were installed since `npm run build`)\n' });
    } finally {
      writeFileSync(stampFile, stamp);
    }
  });

  it('runs the sources with BATON_FROM_SOURCE=1, or when nothing was built', async () => {
    const forced = await runCli(['--version'], { bin, env: { BATON_DEBUG: '1', BATON_FROM_SOURCE: '1' } });
    expect(forced).toMatchObject({ code: 0, stderr: 'baton: running the TypeScript sources through tsx (BATON_FROM_SOURCE=1)\n' });
    rmSync(stampFile);
    try {
      const unbuilt = await runCli(['--help'], { bin, env: debug });
      expect(unbuilt).toMatchObject({ code: 0, stderr: 'baton: running the TypeScript sources through tsx (no build in dist/; `npm run build` makes one)\n' });
      expect(unbuilt.stdout).toContain('evaluate-policy');
    } finally {
      mkdirSync(`${dir.root}/dist`, { recursive: true });
      writeFileSync(stampFile, stamp);
    }
  });
});
