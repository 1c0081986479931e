import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { attemptRecord } from '../../test/helpers/attempt-record.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { createAttemptWriter } from './attempt-writer.ts';
import { DuckDBInstance } from './duckdb-api.ts';
import { migrations, schemaVersion } from './migrations.ts';
import { openStore } from './open-store.ts';
import { readDoneKeys } from './read-done-keys.ts';
import { StoreLockedError } from './store.ts';
import { summarizeRun } from './summarize-run.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

const base = attemptRecord();

describe('store', () => {
  it('creates the schema once and reopens a file at the same version', async () => {
    const path = dir.path('db', 'baton.duckdb');
    (await openStore(path)).close();
    const again = await openStore(path);
    const versions = (await again.connection.runAndReadAll('SELECT version FROM schema_version ORDER BY version')).getRowsJS().map((row) => Number(row[0]));
    again.close();
    expect(versions).toEqual(Array.from({ length: schemaVersion }, (_, index) => index + 1));
  });

  it('brings a version-2 file to the current schema, keeping its tasks and their constraints', async () => {
    const path = dir.path('v2', 'baton.duckdb');
    const instance = await DuckDBInstance.create(path);
    const old = await instance.connect();
    await old.run('CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)');
    for (const [index, migration] of migrations.slice(0, 2).entries()) await old.run(`${migration}; INSERT INTO schema_version (version) VALUES (${index + 1})`);
    await old.run(`INSERT INTO tasks VALUES ('r1', 's', 't1', '1', 'billing', ['a', 'b'], NULL, 'p1', 'h1', '"x"', '{"type":"exact"}', 1), ('r1', 's', 't2', '1', 'other', [], 'sys', 'p2', 'h2', NULL, '{"type":"exact"}', 3)`);
    old.closeSync();
    instance.closeSync();
    const store = await openStore(path);
    try {
      const tasks = (await store.connection.runAndReadAll('SELECT task_id, tags, system, expected, repeats FROM tasks ORDER BY task_id')).getRowObjectsJS();
      expect(tasks).toEqual([
        { task_id: 't1', tags: ['a', 'b'], system: null, expected: '"x"', repeats: 1 },
        { task_id: 't2', tags: [], system: 'sys', expected: null, repeats: 3 },
      ]);
      await expect(store.connection.run(`INSERT INTO tasks VALUES ('r1', 's', 't3', '1', 'c', [], NULL, NULL, 'h', NULL, '{}', 1)`)).rejects.toThrow(/NOT NULL/i);
      const keys = (await store.connection.runAndReadAll("SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' ORDER BY table_name")).getRowsJS().flat();
      expect(keys).toEqual(['attempts', 'run_models', 'runs']);
      const version = (await store.connection.runAndReadAll('SELECT max(version) AS v FROM schema_version')).getRowObjectsJS()[0]?.v;
      expect(version).toBe(schemaVersion);
    } finally {
      store.close();
    }
  });

  it('round-trips an attempt exactly, keeping unknown usage as NULL', async () => {
    const store = await openStore(':memory:');
    const writer = await createAttemptWriter(store);
    writer.add(base);
    writer.close();
    const [row] = (await store.connection.runAndReadAll('SELECT * FROM attempts')).getRowObjectsJS();
    store.close();
    expect(row).toMatchObject({ run_id: 'r1', suite_id: 's', task_id: 't1', model_id: 'm', repeat_index: 0, status: 'ok', output: 'billing', score: 1, passed: true, input_tokens: 120n, output_tokens: 7n, cached_input_tokens: 0n, cache_write_tokens: null, reasoning_tokens: null, cost_usd: 0.00125, latency_ms: 812.5, ttft_ms: 200.25, retries: 2, error_code: null });
    expect((row?.started_at as Date).toISOString()).toBe('2026-01-02T03:04:05.678Z');
  });

  it('refuses a second row with the same (run, task, model, repeat)', async () => {
    const store = await openStore(':memory:');
    const writer = await createAttemptWriter(store);
    writer.add(base);
    writer.flush();
    writer.add({ ...base, output: 'bug' });
    expect(() => writer.flush()).toThrow(/primary key/i);
    expect(() => writer.close()).toThrow(/primary key/i);
    store.close();
  });

  it('reads done keys and summarises errors apart from wrong answers', async () => {
    const store = await openStore(':memory:');
    const writer = await createAttemptWriter(store, { batchSize: 2 });
    writer.add(base);
    writer.add({ ...base, taskId: 't2', passed: false, score: 0, costUsd: 0.001 });
    writer.add({ ...base, taskId: 't3', status: 'error', output: null, score: null, passed: null, costUsd: null, latencyMs: null, errorCode: 'server_error', errorMessage: '500' });
    writer.add({ ...base, taskId: 't1', repeat: 1, status: 'timeout', output: null, score: null, passed: null, costUsd: null, latencyMs: null, errorCode: 'timeout' });
    writer.close();
    expect(writer.written).toBe(4);
    const done = await readDoneKeys(store, 'r1');
    expect(done.has('s', 't1', 'm', 1)).toBe(true);
    expect(done.has('s', 't1', 'm', 2)).toBe(false);
    expect(done.has('s', 't2', 'm', 0)).toBe(true);
    expect(done.size).toBe(4);
    const [summary] = await summarizeRun(store, 'r1');
    store.close();
    expect(summary).toMatchObject({ model_id: 'm', attempts: 4, ok: 2, errors: 2, passed: 1, pass_rate: 0.5 });
    expect(summary?.cost_usd).toBeCloseTo(0.00225, 10);
  });

  it('reports a database held by another process as locked', async () => {
    const path = dir.path('locked.duckdb');
    const duckdb = pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href;
    const script = `import(${JSON.stringify(duckdb)}).then(async ({ DuckDBInstance }) => { await DuckDBInstance.create(${JSON.stringify(path)}); process.stdout.write('open'); setTimeout(() => {}, 10000); })`;
    const holder = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`lock holder exited with ${String(code)}`)));
      });
      await expect(openStore(path)).rejects.toBeInstanceOf(StoreLockedError);
    } finally {
      holder.kill();
    }
  });
});
