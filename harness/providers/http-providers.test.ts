import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError, type ProviderResponse } from '../core/provider-contract.ts';
import { SimSpecSchema } from '../core/sim-spec.ts';
import { createSimProvider } from '../sim/create-sim-provider.ts';
import { simCache } from '../sim/sim-behaviour.ts';
import { createProvider } from './create-provider.ts';
import type { SimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { fleetModel, simTestKey, simTestKeyVariable, startSimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';

const kinds = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
const dir = createTempDir();
let fixture: SimServeFixture;

const reasoner = { reasoning_tokens: 40, verbosity: 2, cache: { hit_rate: 0.5, min_tokens: 8 } };

beforeAll(async () => {
  fixture = await startSimServeFixture(dir, [
    fleetModel('reasoner', reasoner),
    fleetModel('plain'),
    fleetModel('always-429', { faults: { rate_limit: 1 } }),
    fleetModel('always-500', { faults: { server_error: 1 } }),
    fleetModel('always-reset', { faults: { connection_reset: 1 } }),
    fleetModel('always-stall', { faults: { timeout: 1 } }),
    fleetModel('always-malformed', { faults: { malformed: 1 } }),
    fleetModel('always-truncated', { faults: { truncated_stream: 1 } }),
  ]);
});

afterAll(async () => {
  await fixture?.close();
  dir.remove();
});

/** What a call threw, as a ProviderError. */
async function failure(promise: Promise<ProviderResponse>): Promise<ProviderError> {
  const error: unknown = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe.each(kinds)('the %s adapter, through the official SDK against sim-serve', (kind) => {
  it.each([true, false])('answers like the in-process simulator and reports what the server served (stream: %s)', async (stream) => {
    const provider = fixture.provider(kind, 'reasoner', { stream });
    const task = fixture.suite.tasks[1];
    if (task === undefined) throw new Error('no task');
    const response = await provider.generate(fixture.request('reasoner', task, 11));
    const local = await createSimProvider({ ...fixture.model(kind, 'reasoner'), id: 'sim-reasoner', provider: 'sim', sim: SimSpecSchema.parse({ skill: { default: 0.8 }, ...reasoner }) }, { oracle: fixture.oracle, timeScale: 0 })
      .generate(fixture.request('reasoner', task, 11));
    expect(response.text).toBe(local.text);
    expect(response.text).toMatch(/Answer: \d+/);
    expect(response.finishReason).toBe('stop');
    expect(response.usage).toMatchObject({ inputTokens: local.usage.inputTokens, outputTokens: local.usage.outputTokens, reasoningTokens: local.usage.reasoningTokens });
    expect(response.usage.reasoningTokens).toBeGreaterThan(0);
    const served = fixture.server.served().at(-1);
    expect(served).toMatchObject({ model: 'reasoner', seed: 11, stream, outcome: 'ok', status: 200 });
    expect(response.usage).toEqual(served?.usage);
    if (stream) expect(response.ttftMs).toBeGreaterThanOrEqual(0);
    else expect(response.ttftMs).toBeNull();
  });

  it('reports cached input in its provider\'s shape, and cache writes where the provider bills them', async () => {
    const spec = SimSpecSchema.parse({ skill: { default: 0.8 }, ...reasoner });
    const task = fixture.suite.tasks[0];
    if (task === undefined) throw new Error('no task');
    const prefix = Math.ceil((task.system ?? '').length / 4) + 4;
    const seeds = Array.from({ length: 40 }, (_, seed) => seed);
    const hit = seeds.find((seed) => simCache(spec, 'sim-reasoner', seed, prefix).hit > 0) ?? -1;
    const miss = seeds.find((seed) => simCache(spec, 'sim-reasoner', seed, prefix).missed > 0) ?? -1;
    const provider = fixture.provider(kind, 'reasoner');
    const onHit = await provider.generate(fixture.request('reasoner', task, hit));
    const onMiss = await provider.generate(fixture.request('reasoner', task, miss));
    expect(onHit.usage.cachedInputTokens).toBe(prefix);
    expect(onMiss.usage.cachedInputTokens).toBe(0);
    expect(onHit.usage.inputTokens).toBeGreaterThan(prefix);
    if (kind === 'anthropic') {
      expect(onHit.usage.cacheWriteTokens).toBe(0);
      expect(onMiss.usage.cacheWriteTokens).toBe(prefix);
    } else {
      expect(onMiss.usage.cacheWriteTokens).toBeNull();
    }
  });

  it('sends every request through an injected fetch', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const provider = createProvider(fixture.model(kind, 'plain'), 0, { configFile: 'test', oracle: fixture.oracle, simTimeScale: 0, env: { [simTestKeyVariable]: simTestKey }, fetch: counting });
    const task = fixture.suite.tasks[0];
    if (task === undefined) throw new Error('no task');
    await provider.generate(fixture.request('plain', task, 2));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain(fixture.server.url);
  });

  it('maps a max_tokens cut to `length`', async () => {
    const task = fixture.suite.tasks[2];
    if (task === undefined) throw new Error('no task');
    const response = await fixture.provider(kind, 'reasoner').generate(fixture.request('reasoner', task, 5, { maxTokens: 3 }));
    expect(response.finishReason).toBe('length');
    expect(response.usage.outputTokens).toBe(3 + (response.usage.reasoningTokens ?? 0));
  });

  it('classifies rate limits, server errors, resets, stalls and broken bodies as retryable', async () => {
    const task = fixture.suite.tasks[0];
    if (task === undefined) throw new Error('no task');
    const call = (name: string, stream = true, timeoutMs = 5_000) =>
      failure(fixture.provider(kind, name, { stream, timeout_ms: timeoutMs }).generate(fixture.request(name, task, 1, { signal: AbortSignal.timeout(timeoutMs + 1_000) })));
    expect(await call('always-429')).toMatchObject({ code: 'rate_limited', retryable: true, status: 429, retryAfterMs: 0 });
    expect(await call('always-500')).toMatchObject({ code: 'server_error', retryable: true });
    expect((await call('always-500')).status).toBeGreaterThanOrEqual(500);
    expect(await call('always-reset')).toMatchObject({ code: 'connection', retryable: true });
    expect(await call('always-stall', true, 300)).toMatchObject({ code: 'timeout', retryable: true });
    expect(await call('always-stall', false, 300)).toMatchObject({ code: 'timeout', retryable: true });
    for (const stream of [true, false]) {
      expect(await call('always-malformed', stream)).toMatchObject({ code: 'malformed_response', retryable: true });
      const truncated = await call('always-truncated', stream);
      expect(truncated.retryable).toBe(true);
      expect(['connection', 'malformed_response']).toContain(truncated.code);
    }
  });

  it('refuses a bad request, an unknown model and a wrong key as not retryable, without leaking the key', async () => {
    const task = fixture.suite.tasks[0];
    if (task === undefined) throw new Error('no task');
    const bad = await failure(fixture.provider(kind, 'plain').generate(fixture.request('plain', task, 1, { maxTokens: 0 })));
    expect(bad).toMatchObject({ code: 'bad_request', retryable: false, status: 400 });
    const missing = await failure(fixture.provider(kind, 'no-such-model').generate(fixture.request('no-such-model', task, 1)));
    expect(missing).toMatchObject({ code: 'not_found', retryable: false, status: 404 });
    const wrongKey = 'sk-wrong-key-1234567890abcdef';
    const auth = await failure(fixture.provider(kind, 'plain', {}, { [simTestKeyVariable]: wrongKey }).generate(fixture.request('plain', task, 1)));
    expect(auth).toMatchObject({ code: 'auth', retryable: false });
    expect(auth.message).toContain(simTestKeyVariable);
    expect(auth.message).not.toContain(wrongKey);
    expect(auth.message).not.toContain(wrongKey.slice(8, 20));
    // The server did echo it: the redaction, not the server, kept it out.
    expect(fixture.server.served().at(-1)).toMatchObject({ outcome: 'auth' });
  });
});
