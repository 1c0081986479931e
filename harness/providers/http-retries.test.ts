import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../core/models-schema.ts';
import type { Provider, ProviderRequest, ProviderResponse } from '../core/provider-contract.ts';
import { SimSpecSchema } from '../core/sim-spec.ts';
import { callWithRetries } from '../scheduler/call-with-retries.ts';
import { createConnectionLane } from '../scheduler/connection-lane.ts';
import { simFault } from '../sim/sim-behaviour.ts';
import type { SimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { fleetModel, simTestKeyVariable, startSimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';

const kinds = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
const policy: RetryPolicy = { max_retries: 3, base_delay_ms: 1, max_delay_ms: 5 };
const dir = createTempDir();
let fixture: SimServeFixture;

beforeAll(async () => {
  fixture = await startSimServeFixture(dir, [
    // 120 rpm with the server's 3-second burst: six calls at once pass, the seventh waits about 500 ms.
    ...kinds.map((kind) => fleetModel(`tight-${kind}`, {}, { limits: { rpm: 120, concurrency: 16 } })),
    fleetModel('flaky', { faults: { server_error: 0.5 } }),
    fleetModel('plain'),
  ]);
});

afterAll(async () => {
  await fixture?.close();
  dir.remove();
});

/** One attempt with the harness's retries, as `executeAttempt` makes it. */
function attempt(provider: Provider, request: ProviderRequest) {
  return callWithRetries<ProviderResponse>({
    lane: createConnectionLane(provider.connectionKey, { concurrency: 8 }),
    estimatedTokens: 100,
    policy,
    timeoutMs: 5_000,
    signal: new AbortController().signal,
    random: () => 0.5,
    attempt: async ({ signal }) => ({ value: await provider.generate({ ...request, signal }), actualTokens: null }),
  });
}

describe.each(kinds)('retries through the %s adapter', (kind) => {
  it('honours Retry-After on a 429 from the server\'s rate limit, then succeeds', async () => {
    const name = `tight-${kind}`;
    const provider = fixture.provider(kind, name);
    const task = fixture.suite.tasks[0];
    if (task === undefined) throw new Error('no task');
    const results = await Promise.all(Array.from({ length: 7 }, (_, index) => attempt(provider, fixture.request(name, task, 100 + index))));
    expect(results.every((result) => result.ok)).toBe(true);
    const served = fixture.server.served().filter((entry) => entry.model === name);
    const limited = served.filter((entry) => entry.outcome === 'rate_limited');
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...limited.map((entry) => entry.retryAfterMs ?? 0))).toBeGreaterThanOrEqual(100);
    expect(served.filter((entry) => entry.outcome === 'ok')).toHaveLength(7);
    for (const refusal of limited) {
      expect(refusal.retryAfterMs).toBeGreaterThan(0);
      expect(refusal.retryAfterMs).toBeLessThanOrEqual(500);
      const retry = served.find((entry) => entry.seed === refusal.seed && entry.sequence > refusal.sequence);
      // Timers may fire a millisecond early; a retry before the asked wait would be far earlier.
      expect(retry?.receivedAt).toBeGreaterThanOrEqual(refusal.receivedAt + (refusal.retryAfterMs ?? 0) - 2);
    }
    expect(results.reduce((sum, result) => sum + result.retries, 0)).toBe(limited.length);
  });

  it('retries a 5xx and succeeds', async () => {
    const spec = SimSpecSchema.parse({ skill: { default: 0.8 }, faults: { server_error: 0.5 } });
    const seed = Array.from({ length: 100 }, (_, index) => index).find((candidate) => simFault(spec, 'sim-flaky', candidate, 0) === 'server_error' && simFault(spec, 'sim-flaky', candidate, 1) === undefined) ?? -1;
    const task = fixture.suite.tasks[3];
    if (task === undefined) throw new Error('no task');
    const result = await attempt(fixture.provider(kind, 'flaky'), fixture.request('flaky', task, seed));
    expect(result).toMatchObject({ ok: true, retries: 1 });
    const served = fixture.server.served().filter((entry) => entry.model === 'flaky' && entry.seed === seed).slice(-2);
    expect(served.map((entry) => entry.outcome)).toEqual(['server_error', 'ok']);
  });

  it('does not retry a 400 or a 401, and says why', async () => {
    const task = fixture.suite.tasks[4];
    if (task === undefined) throw new Error('no task');
    const before = fixture.server.served().length;
    const bad = await attempt(fixture.provider(kind, 'plain'), fixture.request('plain', task, 7, { maxTokens: 0 }));
    expect(bad).toMatchObject({ ok: false, retries: 0, error: { code: 'bad_request', retryable: false, status: 400 } });
    if (!bad.ok) expect(bad.error.message).toMatch(/^[a-z-]+ 400: .*max/);
    const auth = await attempt(fixture.provider(kind, 'plain', {}, { [simTestKeyVariable]: 'sk-not-the-right-key-000' }), fixture.request('plain', task, 8));
    expect(auth).toMatchObject({ ok: false, retries: 0, error: { code: 'auth', retryable: false } });
    if (!auth.ok) expect(auth.error.message).toContain(`check the key in ${simTestKeyVariable}`);
    expect(fixture.server.served().length - before).toBe(2);
  });
});
