import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../core/models-schema.ts';
import { ProviderError, type ProviderResponse } from '../core/provider-contract.ts';
import type { SimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { fleetModel, startSimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { callWithRetries } from './call-with-retries.ts';
import { createConnectionLane } from './connection-lane.ts';

// Real sockets against sim-serve, whose limiter keeps real time: outcomes are asserted, never durations.
const kinds = ['openai', 'anthropic', 'google'] as const;
const serverRpm = 600;
const calls = 80;
/** No retry budget: only 429s may be retried, so every completion shows that they are free. */
const policy: RetryPolicy = { max_retries: 0, base_delay_ms: 50, max_delay_ms: 1_000 };
const dir = createTempDir();
let fixture: SimServeFixture;

beforeAll(async () => {
  fixture = await startSimServeFixture(dir, [
    ...kinds.map((kind) => fleetModel(`capped-${kind}`, {}, { limits: { rpm: serverRpm, concurrency: 64 } })),
    ...kinds.map((kind) => fleetModel(`tiny-${kind}`, {}, { limits: { rpm: 60, concurrency: 8 } })),
  ]);
});

afterAll(async () => {
  await fixture?.close();
  dir.remove();
});

describe.concurrent('a lane without configured limits, against sim-serve limited to 600 rpm', () => {
  it.each(kinds)('completes every call through the %s adapter with a bounded number of 429s', async (kind) => {
    const name = `capped-${kind}`;
    const provider = fixture.provider(kind, name);
    const lane = createConnectionLane(provider.connectionKey, { concurrency: 16 });
    const tasks = fixture.suite.tasks;
    const results = await Promise.all(
      Array.from({ length: calls }, (_, index) => {
        const task = tasks[index % tasks.length];
        if (task === undefined) throw new Error('no task');
        return callWithRetries<ProviderResponse>({
          lane, estimatedTokens: 200, policy, timeoutMs: 5_000, signal: new AbortController().signal, random: () => 0.5,
          attempt: async ({ signal }) => ({ value: await provider.generate({ ...fixture.request(name, task, 1_000 + index), signal }), actualTokens: null }),
        });
      }),
    );
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const served = fixture.server.served().filter((entry) => entry.model === name);
    expect(served.filter((entry) => entry.outcome === 'ok')).toHaveLength(calls);
    const refused = served.filter((entry) => entry.outcome === 'rate_limited').length;
    // The server's burst (3 s, 30 calls) goes at once; of the rest, the first wave is refused, then the lane paces.
    // Headers give the limit at the first 429; without them (Gemini) AIMD needs a few more.
    expect(refused).toBeLessThanOrEqual(kind === 'google' ? calls : 2 * 16);
    expect(results.reduce((sum, result) => sum + result.retries, 0)).toBe(refused);
  });
});

describe('the limits a 429 advertises', () => {
  it.each(kinds)('reach the scheduler through the %s adapter', async (kind) => {
    const name = `tiny-${kind}`;
    const provider = fixture.provider(kind, name);
    const task = fixture.suite.tasks[0];
    if (task === undefined) throw new Error('no task');
    // 60 rpm with a 3-second burst: the fourth call at once is refused.
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, index) => provider.generate(fixture.request(name, task, index))));
    const refusal = outcomes.find((outcome) => outcome.status === 'rejected')?.reason as unknown;
    expect(refusal).toBeInstanceOf(ProviderError);
    const error = refusal as ProviderError;
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(0);
    // Gemini's 429 carries a RetryInfo but no limits.
    if (kind === 'google') expect(error.rateLimits).toBeUndefined();
    else expect(error.rateLimits?.requests).toMatchObject({ limit: 60, remaining: 0 });
  });
});
