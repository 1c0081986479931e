import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/input-error.ts';
import type { ProviderErrorCode } from '../core/provider-contract.ts';
import { executeRun } from '../run/execute-run.ts';
import { openStore } from '../store/open-store.ts';
import type { SimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { fleetModel, simTestKey, startSimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { compareServed } from './compare-served.ts';
import { createHttpFleet, simKeyVariable } from './create-http-fleet.ts';

const dir = createTempDir();
let fixture: SimServeFixture;

const faults = { rate_limit: 0.05, server_error: 0.08, timeout: 0.03, malformed: 0.05, connection_reset: 0.05, truncated_stream: 0.05 };
const closedSet: readonly ProviderErrorCode[] = ['rate_limited', 'server_error', 'timeout', 'connection', 'malformed_response', 'bad_request', 'auth', 'not_found', 'unknown'];

beforeAll(async () => {
  fixture = await startSimServeFixture(dir, [
    fleetModel('alpha', { faults, reasoning_tokens: 20, cache: { hit_rate: 0.5, min_tokens: 8 } }, { timeout_ms: 2_000, limits: { concurrency: 4 } }),
    fleetModel('beta', { faults, cache: { hit_rate: 0.5, min_tokens: 8 } }, { timeout_ms: 2_000, limits: { concurrency: 4 } }),
    fleetModel('gamma', { faults, reasoning_tokens: 50, cache: { hit_rate: 0.5, min_tokens: 8 } }, { timeout_ms: 2_000, limits: { concurrency: 4 } }),
    fleetModel('delta', { faults, reasoning_tokens: 10, cache: { hit_rate: 0.5, min_tokens: 8 } }, { timeout_ms: 2_000, limits: { concurrency: 4 } }),
    fleetModel('unpriced'),
  ], { tasks: 15 });
});

afterAll(async () => {
  await fixture?.close();
  dir.remove();
});

async function rows(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  const store = await openStore(dbPath);
  try {
    return (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    store.close();
  }
}

describe('a whole run over HTTP, one model per provider kind, faults on', () => {
  it('stores every attempt exactly once, as ok or as a classified error, with the tokens and cost the server served', async () => {
    const http = createHttpFleet(fixture.fleet, fixture.server.url);
    http.config.models.pop();
    // Two of the four go plain, so both ways through each SDK run under faults.
    const config = { ...http, config: { ...http.config, models: http.config.models.map((model, index) => (index % 2 === 1 ? { ...model, stream: false } : model)) } };
    expect(config.config.models.map((model) => model.provider)).toEqual(['openai', 'openai-compatible', 'google', 'anthropic']);
    const dbPath = dir.path('http', 'baton.duckdb');
    const outcome = await executeRun({ suitePaths: [fixture.suite.file], suites: [fixture.suite], config, dbPath, repeats: 2, env: { [simKeyVariable]: simTestKey } });

    const planned = fixture.suite.tasks.length * 4 * 2;
    expect(outcome).toMatchObject({ status: 'completed', planned, simulated: true });
    expect(outcome.executed.ok + outcome.executed.error + outcome.executed.timeout).toBe(planned);
    const [counts] = await rows(dbPath, `SELECT count(*)::INT AS n, count(DISTINCT (suite_id, task_id, model_id, repeat_index))::INT AS keys,
        count(*) FILTER (WHERE status NOT IN ('ok', 'error', 'timeout'))::INT AS odd, sum(retries)::INT AS retries FROM attempts`);
    expect(counts).toMatchObject({ n: planned, keys: planned, odd: 0 });
    expect(Number(counts?.retries)).toBeGreaterThan(0);
    const failed = await rows(dbPath, "SELECT status, error_code, error_message, output, input_tokens, cost_usd FROM attempts WHERE status <> 'ok'");
    for (const row of failed) {
      expect(closedSet).toContain(row.error_code);
      expect(row).toMatchObject({ output: null, input_tokens: null, cost_usd: null });
      expect(String(row.error_message)).not.toContain(simTestKey);
    }
    const [ok] = await rows(dbPath, "SELECT count(*) FILTER (WHERE cost_usd > 0 AND input_tokens > 0 AND cached_input_tokens IS NOT NULL)::INT AS priced, count(*)::INT AS n FROM attempts WHERE status = 'ok'");
    expect(ok?.priced).toBe(ok?.n);

    const store = await openStore(dbPath);
    const check = await compareServed(store, outcome.runId, config.config.seed, fixture.server.served()).finally(() => store.close());
    expect(check.mismatches).toEqual([]);
    expect(check.matched).toBe(outcome.executed.ok);
    expect(check.servedOk).toBe(outcome.executed.ok + check.abandoned);
    expect(check.storedCostUsd).toBeCloseTo(check.servedCostUsd, 12);
    expect(check.storedTokens).toBe(check.servedTokens);
    const outcomes = new Set(fixture.server.served().map((entry) => entry.outcome));
    for (const fault of ['rate_limit', 'server_error', 'timeout', 'malformed', 'connection_reset', 'truncated_stream', 'ok']) expect(outcomes).toContain(fault);
  });

  it('stores the cost of a model without any price as null, with one warning for the run', async () => {
    const http = createHttpFleet(fixture.fleet, fixture.server.url);
    const models = http.config.models.filter((model) => model.model === 'unpriced').map((model) => {
      const free = { ...model };
      delete free.price;
      return free;
    });
    const dbPath = dir.path('unpriced', 'baton.duckdb');
    const outcome = await executeRun({ suitePaths: [fixture.suite.file], suites: [fixture.suite], config: { ...http, config: { ...http.config, models } }, dbPath, repeats: 2, env: { [simKeyVariable]: simTestKey } });
    expect(outcome.executed.ok).toBe(30);
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toContain('`sim-unpriced` has no price');
    const [row] = await rows(dbPath, "SELECT count(*) FILTER (WHERE cost_usd IS NULL AND input_tokens > 0)::INT AS unpriced FROM attempts WHERE status = 'ok'");
    expect(row).toEqual({ unpriced: 30 });
  });

  it('reports every missing API key before any call, naming the variables, and writes nothing', async () => {
    const http = createHttpFleet(fixture.fleet, fixture.server.url);
    http.config.models.pop();
    const models = http.config.models.map((model) => {
      if (model.provider === 'openai-compatible') return model;
      const usual = { ...model };
      delete usual.api_key_env;
      return usual;
    });
    const dbPath = dir.path('nokey', 'baton.duckdb');
    const before = fixture.server.served().length;
    const run = executeRun({ suitePaths: [fixture.suite.file], suites: [fixture.suite], config: { ...http, config: { ...http.config, models } }, dbPath, env: { GEMINI_API_KEY: '' } });
    const error: unknown = await run.then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    const messages = (error as InputError).problems.map((problem) => problem.message).join('\n');
    expect(messages).toContain('`OPENAI_API_KEY`');
    expect(messages).toContain('`ANTHROPIC_API_KEY`');
    expect(messages).toContain('`GEMINI_API_KEY` or `GOOGLE_API_KEY`');
    expect(messages).toContain(`\`${simKeyVariable}\``);
    expect(fixture.server.served().length).toBe(before);
    expect(existsSync(dbPath)).toBe(false);
  });
});
