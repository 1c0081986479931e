import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { simModel, writeSimConfig, writeTinySuite } from '../../test/helpers/tiny-run.ts';
import { openStore } from '../store/open-store.ts';
import { readRun } from '../store/read-run.ts';
import { summarizeRun } from '../store/summarize-run.ts';
import { executeRun } from './execute-run.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

async function query(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  const store = await openStore(dbPath);
  try {
    return (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    store.close();
  }
}

describe('executeRun', () => {
  it('stores exactly one attempt per (task, model, repeat) with provenance', async () => {
    const { suite } = writeTinySuite(dir, 10);
    const config = writeSimConfig(dir, [simModel('a'), simModel('b')]);
    const dbPath = dir.path('out', 'baton.duckdb');
    const outcome = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, repeats: 3, simTimeScale: 0 });
    expect(outcome).toMatchObject({ status: 'completed', planned: 60, alreadyDone: 0, simulated: true, executed: { ok: 60, error: 0, timeout: 0 } });
    const [counts] = await query(dbPath, 'SELECT count(*)::INT AS n, count(DISTINCT (suite_id, task_id, model_id, repeat_index))::INT AS keys, count(*) FILTER (WHERE score IS NOT NULL AND cost_usd > 0)::INT AS scored FROM attempts');
    expect(counts).toEqual({ n: 60, keys: 60, scored: 60 });
    const store = await openStore(dbPath);
    const run = await readRun(store, outcome.runId);
    const tasks = (await store.connection.runAndReadAll('SELECT count(*)::INT AS n FROM tasks')).getRowObjectsJS();
    store.close();
    expect(run).toMatchObject({ status: 'completed', simulated: true, seed: 7, plannedAttempts: 60, source: 'run', configHash: config.hash, suites: [{ id: 'tiny', version: '1', hash: suite.hash }] });
    expect(run?.packageVersions).toHaveProperty('@duckdb/node-api');
    expect(run?.priceSnapshot).toEqual({ a: { input: 1, output: 2 }, b: { input: 1, output: 2 } });
    expect(run?.finishedAt).toBeInstanceOf(Date);
    expect(run?.options).toMatchObject({ repeats: 3, sim_time_scale: 0, http_transport: 'node' });
    expect(tasks).toEqual([{ n: 10 }]);
  });

  it('stores every attempt of a run long enough to hand DuckDB\'s block cache back (every 50,000 attempts)', async () => {
    const { suite } = writeTinySuite(dir, 1000);
    const config = writeSimConfig(dir, [simModel('a'), simModel('b')]);
    const dbPath = dir.path('out', 'baton.duckdb');
    const outcome = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, repeats: 30, simTimeScale: 0 });
    expect(outcome).toMatchObject({ status: 'completed', planned: 60000, executed: { ok: 60000, error: 0, timeout: 0 } });
    const [counts] = await query(dbPath, 'SELECT count(*)::INT AS n, count(DISTINCT (suite_id, task_id, model_id, repeat_index))::INT AS keys FROM attempts');
    expect(counts).toEqual({ n: 60000, keys: 60000 });
  });

  it('returns the per-model totals read before the store closed when asked to summarize, and none otherwise', async () => {
    const { suite } = writeTinySuite(dir, 4);
    const config = writeSimConfig(dir, [simModel('a'), simModel('b')]);
    const dbPath = dir.path('out', 'baton.duckdb');
    const outcome = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, repeats: 2, simTimeScale: 0, summarize: true });
    const store = await openStore(dbPath);
    const fromStore = await summarizeRun(store, outcome.runId).finally(() => store.close());
    expect(outcome.models?.map((row) => [row.model_id, row.attempts, row.ok])).toEqual([['a', 8, 8], ['b', 8, 8]]);
    expect(outcome.models).toEqual(fromStore);
    const plain = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, simTimeScale: 0 });
    expect(plain.models).toBeUndefined();
  });

  it('gives the same answers for the same seed, and independent samples per repeat', async () => {
    const { suite } = writeTinySuite(dir, 40);
    const config = writeSimConfig(dir, [simModel('a', '{ skill: { default: 0.5 } }')]);
    const run = (name: string) => executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath: dir.path(name, 'baton.duckdb'), repeats: 2, simTimeScale: 0 });
    await run('one');
    await run('two');
    const rows = async (name: string) => query(dir.path(name, 'baton.duckdb'), 'SELECT task_id, repeat_index, output, passed FROM attempts ORDER BY task_id, repeat_index');
    const first = await rows('one');
    expect(await rows('two')).toEqual(first);
    const byRepeat = (repeat: number) => first.filter((row) => row.repeat_index === repeat).map((row) => row.passed);
    expect(byRepeat(0)).not.toEqual(byRepeat(1));
  });

  it('never exceeds a model\'s concurrency, observed at the provider', async () => {
    const { suite } = writeTinySuite(dir, 40);
    const config = writeSimConfig(dir, [simModel('a', '{ skill: { default: 0.7 }, latency: { ttft_ms: 5, tokens_per_s: 5000, jitter: 0.5 } }', '{ concurrency: 3 }')]);
    let inFlight = 0;
    let peak = 0;
    await executeRun({
      suitePaths: [suite.file], suites: [suite], config, dbPath: ':memory:', simTimeScale: 1,
      createProvider: (model, index, context) => {
        const inner = createProviderFor(model, index, context);
        return { ...inner, generate: async (request) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          try {
            return await inner.generate(request);
          } finally {
            inFlight -= 1;
          }
        } };
      },
    });
    expect(peak).toBe(3);
  });

  it('paces calls to the configured rpm and tpm, observed at the provider', async () => {
    const { suite } = writeTinySuite(dir, 36);
    // 1200 rpm = 20 calls/s with one second of burst; 36 calls need at least 0.8 s.
    const config = writeSimConfig(dir, [simModel('a', '{ skill: { default: 0.7 } }', '{ concurrency: 16, rpm: 1200 }')]);
    const starts: number[] = [];
    await executeRun({
      suitePaths: [suite.file], suites: [suite], config, dbPath: ':memory:', simTimeScale: 0,
      createProvider: (model, index, context) => {
        const inner = createProviderFor(model, index, context);
        return { ...inner, generate: (request) => (starts.push(performance.now()), inner.generate(request)) };
      },
    });
    expect(starts).toHaveLength(36);
    const elapsed = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
    expect(elapsed).toBeGreaterThanOrEqual(750);
    // In any one-second window: at most the rate plus the one-second burst.
    for (const start of starts) expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(40);

    // 12000 tpm = 200 tokens/s with one second of burst; each call reserves about 7 prompt + 64 max output tokens.
    const tokenConfig = writeSimConfig(dir, [simModel('t', '{ skill: { default: 0.7 } }', '{ concurrency: 16, tpm: 12000 }')]);
    const tokenStarts: number[] = [];
    const { suite: small } = writeTinySuite(dir, 6, 'small');
    await executeRun({
      suitePaths: [small.file], suites: [small], config: tokenConfig, dbPath: ':memory:', simTimeScale: 0,
      createProvider: (model, index, context) => {
        const inner = createProviderFor(model, index, context);
        // Each call takes a moment, as a real one does: no refund of a finished call's unused tokens lands
        // before the later calls have reserved theirs, so the schedule below holds whatever the microtask order.
        return { ...inner, generate: async (request) => (tokenStarts.push(performance.now()), await new Promise((resolve) => setTimeout(resolve, 200)), inner.generate(request)) };
      },
    });
    // 6 x ~71 reserved tokens, less the 200-token burst, at 200 tokens/s: the last call starts after ~1.1 s.
    expect((tokenStarts.at(-1) ?? 0) - (tokenStarts[0] ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('retries injected faults and records the retries; errors are rows, not crashes', async () => {
    const { suite } = writeTinySuite(dir, 30);
    const faulty = '{ skill: { default: 0.7 }, faults: { server_error: 0.3, rate_limit: 0.1 } }';
    const patient = writeSimConfig(dir, [simModel('a', faulty)], 'retry: { max_retries: 10, base_delay_ms: 1, max_delay_ms: 2 }');
    const recovered = await executeRun({ suitePaths: [suite.file], suites: [suite], config: patient, dbPath: dir.path('r', 'baton.duckdb'), simTimeScale: 0 });
    expect(recovered.executed.ok).toBe(30);
    const [retried] = await query(dir.path('r', 'baton.duckdb'), 'SELECT sum(retries)::INT AS retries, count(*) FILTER (WHERE retries > 0)::INT AS attempts FROM attempts');
    expect(retried?.retries).toBeGreaterThan(5);

    // rate_limit_wait_ms: 0 makes a 429 spend a retry at once, as a server fault does.
    const noRetries = writeSimConfig(dir, [simModel('a', faulty)], 'retry: { max_retries: 0, rate_limit_wait_ms: 0 }');
    const failing = await executeRun({ suitePaths: [suite.file], suites: [suite], config: noRetries, dbPath: dir.path('f', 'baton.duckdb'), simTimeScale: 0 });
    expect(failing.executed.error).toBeGreaterThan(3);
    expect(failing.executed.ok + failing.executed.error).toBe(30);
    const errors = await query(dir.path('f', 'baton.duckdb'), "SELECT DISTINCT error_code, score, passed, cost_usd FROM attempts WHERE status = 'error' ORDER BY error_code");
    expect(errors.map((row) => row.error_code)).toEqual(['rate_limited', 'server_error']);
    expect(errors.every((row) => row.score === null && row.passed === null && row.cost_usd === null)).toBe(true);
  });

  it('ends a stalled call at the model timeout as a timeout row', async () => {
    const { suite } = writeTinySuite(dir, 3);
    const config = writeSimConfig(dir, [`{ id: s, provider: sim, model: s, timeout_ms: 50, sim: { skill: { default: 1 }, faults: { timeout: 1 } } }`], 'retry: { max_retries: 1, base_delay_ms: 1, max_delay_ms: 2 }');
    const outcome = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath: dir.path('t', 'baton.duckdb'), simTimeScale: 0 });
    expect(outcome.executed).toMatchObject({ ok: 0, timeout: 3 });
    const rows = await query(dir.path('t', 'baton.duckdb'), 'SELECT DISTINCT status, error_code, retries FROM attempts');
    expect(rows).toEqual([{ status: 'timeout', error_code: 'timeout', retries: 1 }]);
  });

  it('resumes an interrupted run, skipping stored attempts: exactly once overall', async () => {
    const { suite } = writeTinySuite(dir, 30);
    const config = writeSimConfig(dir, [simModel('a'), simModel('b')]);
    const dbPath = dir.path('resume', 'baton.duckdb');
    const stop = new AbortController();
    let seen = 0;
    const first = await executeRun({
      suitePaths: [suite.file], suites: [suite], config, dbPath, repeats: 2, simTimeScale: 0, stopSignal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'attempt' && (seen += 1) === 25) stop.abort();
      },
    });
    expect(first.status).toBe('interrupted');
    const stored = Object.values(first.executed).reduce((sum, count) => sum + count, 0);
    expect(stored).toBeGreaterThanOrEqual(25);
    expect(stored).toBeLessThan(120);
    const before = await query(dbPath, 'SELECT task_id, model_id, repeat_index, output FROM attempts ORDER BY ALL');

    const second = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, repeats: 2, simTimeScale: 0, resumeRunId: first.runId });
    expect(second).toMatchObject({ runId: first.runId, status: 'completed', alreadyDone: stored });
    expect(second.executed.ok).toBe(120 - stored);
    const [counts] = await query(dbPath, 'SELECT count(*)::INT AS n, count(DISTINCT (task_id, model_id, repeat_index))::INT AS keys, count(DISTINCT run_id)::INT AS runs FROM attempts');
    expect(counts).toEqual({ n: 120, keys: 120, runs: 1 });
    const after = await query(dbPath, 'SELECT task_id, model_id, repeat_index, output FROM attempts ORDER BY ALL');
    expect(after).toEqual(expect.arrayContaining(before));

    await expect(executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, repeats: 2, simTimeScale: 0, resumeRunId: first.runId })).rejects.toThrow(/already complete/);
  });

  it('refuses to resume with changed suites or config', async () => {
    const { suite } = writeTinySuite(dir, 4);
    const config = writeSimConfig(dir, [simModel('a')]);
    const dbPath = dir.path('changed', 'baton.duckdb');
    const stop = new AbortController();
    stop.abort();
    const first = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, simTimeScale: 0, stopSignal: stop.signal });
    expect(first.status).toBe('interrupted');
    const { suite: edited } = writeTinySuite(dir, 5);
    await expect(executeRun({ suitePaths: [edited.file], suites: [edited], config, dbPath, simTimeScale: 0, resumeRunId: first.runId })).rejects.toThrow(/suites changed/);
    const otherConfig = writeSimConfig(dir, [simModel('a', '{ skill: { default: 0.1 } }')]);
    await expect(executeRun({ suitePaths: [suite.file], suites: [suite], config: otherConfig, dbPath, simTimeScale: 0, resumeRunId: first.runId })).rejects.toThrow(/config changed/);
  });
});

import { createProvider as createProviderFor } from '../providers/create-provider.ts';
