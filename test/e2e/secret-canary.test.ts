import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../harness/core/models-schema.ts';
import { openStore } from '../../harness/store/open-store.ts';
import { createSimFleet } from '../../harness/sim-serve/sim-fleet.ts';
import { startSimServer, type SimServer } from '../../harness/sim-serve/start-sim-server.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { fleetModel, startSimServeFixture, type SimServeFixture } from '../helpers/sim-serve-fixture.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

const dir = createTempDir();

/** A distinct canary per variable, so a hit says which key leaked; each is long enough to be unmistakable. */
const canaries = {
  OPENAI_API_KEY: 'sk-canary-openai-4b7e19c2d85f30a6',
  ANTHROPIC_API_KEY: 'sk-ant-canary-9e2d4f71a0c3b586',
  GEMINI_API_KEY: 'canary-gemini-63f0a9d1e7b24c58',
  GOOGLE_API_KEY: 'canary-google-1d8c5e3a7f920b64',
  CANARY_COMPATIBLE_KEY: 'canary-compat-7a3f6e0b2c9d1584',
} as const;

/** Needles: each whole canary and its random tail (a partial echo such as `sk-...d85f30a6` must not pass either). */
const needles = Object.values(canaries).flatMap((canary) => [canary, canary.slice(-12)]);

function hitsIn(label: string, bytes: Buffer | string): string[] {
  const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
  return needles.filter((needle) => text.includes(needle)).map((needle) => `${label}: ${needle}`);
}

/** Every table of the database as text: DuckDB compresses strings on disk, so the file bytes alone could hide a leak. */
async function dumpTables(dbPath: string): Promise<{ text: string; errors: { error_code: unknown; error_message: unknown }[] }> {
  const store = await openStore(dbPath);
  try {
    const tables = (await store.connection.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).getRowsJS().map(([name]) => name as string);
    let text = '';
    for (const table of tables) {
      const rows = (await store.connection.runAndReadAll(`SELECT * FROM "${table}"`)).getRowObjectsJS();
      text += JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    }
    const errors = (await store.connection.runAndReadAll('SELECT DISTINCT error_code, error_message FROM attempts WHERE error_code IS NOT NULL')).getRowObjectsJS() as { error_code: unknown; error_message: unknown }[];
    return { text, errors };
  } finally {
    store.close();
  }
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let unauthorised: SimServeFixture;
let faulty: SimServer;
const printed: { command: string; result: CliResult }[] = [];

beforeAll(async () => {
  // This server requires another key: every call presents a canary and gets a 401 that echoes it.
  unauthorised = await startSimServeFixture(dir, [fleetModel('steady')], { tasks: 8 });
  const config = ConfigSchema.parse({ models: [JSON.parse(fleetModel('flaky', { faults: { server_error: 0.35, malformed: 0.1, connection_reset: 0.05 } })) as unknown] });
  faulty = await startSimServer({ fleet: createSimFleet(config), oracle: unauthorised.oracle, timeScale: 0 });
});

afterAll(async () => {
  await unauthorised.close();
  await faulty.close();
  dir.remove();
});

describe('secrets never leave the providers', () => {
  it('a run against 401s and 500s, its report and its policy contain no canary key', async () => {
    const models = [
      ['auth', unauthorised.server.url, 'steady'],
      ['flaky', faulty.url, 'flaky'],
    ].flatMap(([label, url, name]) => [
      `{ id: ${label}-openai, provider: openai, model: ${name}, base_url: "${url}/v1" }`,
      `{ id: ${label}-anthropic, provider: anthropic, model: ${name}, base_url: "${url}" }`,
      `{ id: ${label}-google, provider: google, model: ${name}, base_url: "${url}" }`,
      `{ id: ${label}-compatible, provider: openai-compatible, model: ${name}, base_url: "${url}/v1", api_key_env: CANARY_COMPATIBLE_KEY }`,
    ]);
    const config = dir.write('canary-models.yaml', [
      'seed: 5', 'retry: { max_retries: 2, base_delay_ms: 1, max_delay_ms: 5 }', 'models:',
      ...models.map((model) => `  - ${model.slice(0, -2)}, price: { input: 1, output: 4 }, limits: { concurrency: 4 }, timeout_ms: 3000 }`), '',
    ].join('\n'));
    const out = dir.path('out');
    // BATON_DEBUG prints stack traces of unexpected errors: the most verbose logs baton writes.
    const env = { ...canaries, BATON_DEBUG: '1', OPENAI_BASE_URL: '', ANTHROPIC_BASE_URL: '' };
    const run = await runCli(['run', unauthorised.suite.file, '--config', config, '--out', out, '--repeats', '2'], { env });
    printed.push({ command: 'run', result: run });
    // Every call of the `auth-*` models failed: the error rate fails the run, but it completed.
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/attempts failed/);
    const json = await runCli(['run', unauthorised.suite.file, '--config', config, '--out', out, '--json', '--quiet'], { env });
    printed.push({ command: 'run --json', result: json });
    const outcome = JSON.parse(json.stdout) as { runId: string; executed: { ok: number; error: number } };
    expect(outcome.executed.ok).toBeGreaterThan(0);
    expect(outcome.executed.error).toBeGreaterThanOrEqual(16);
    const db = join(out, 'baton.duckdb');
    const report = await runCli(['report', '--db', db, '--format', 'html', 'md', 'csv', 'json'], { env });
    printed.push({ command: 'report', result: report });
    expect(report.code, report.stderr).toBe(0);
    const fit = await runCli(['fit', '--db', db, '--out', join(out, 'policy.json')], { env });
    printed.push({ command: 'fit', result: fit });
    expect(fit.code, fit.stderr).toBe(0);

    // The errors really were provoked: 401s (classified as auth) and 5xx from the servers.
    expect(unauthorised.server.outcomes().auth ?? 0).toBeGreaterThanOrEqual(32);
    expect(faulty.outcomes().server_error ?? 0).toBeGreaterThan(0);
    const files = filesUnder(out);
    expect(files.map((file) => file.slice(out.length + 1)).sort()).toEqual(expect.arrayContaining(['baton.duckdb', 'policy.json', 'report.html', 'report.md', 'report.csv', 'report.json']));
    const hits = [
      ...files.flatMap((file) => hitsIn(file, readFileSync(file))),
      ...printed.flatMap(({ command, result }) => [...hitsIn(`${command} stdout`, result.stdout), ...hitsIn(`${command} stderr`, result.stderr)]),
    ];
    const tables = await dumpTables(db);
    expect(tables.text.length).toBeGreaterThan(10_000);
    expect([...hits, ...hitsIn('tables', tables.text)]).toEqual([]);
    // The 401 bodies echoed the key (as careless proxies do): what is stored says so, redacted.
    const auth = tables.errors.filter((row) => row.error_code === 'auth').map((row) => String(row.error_message));
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.some((message) => message.includes('[redacted]'))).toBe(true);
    expect(tables.errors.some((row) => row.error_code !== 'auth')).toBe(true);
    // The stored messages still say what went wrong, with the key redacted.
    const dump = await runCli(['report', '--db', db, '--format', 'json', '--stdout'], { env });
    expect(dump.code).toBe(0);
    expect(hitsIn('report --stdout', dump.stdout)).toEqual([]);
  });
});
