import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../core/models-schema.ts';
import { ProviderError, type AdvertisedRateLimits } from '../core/provider-contract.ts';
import { createServerRateLimiter, type LimitCheck } from '../sim-serve/server-rate-limiter.ts';
import { callWithRetries, type RetryResult } from './call-with-retries.ts';
import { createConnectionLane, type ConnectionLaneLimits } from './connection-lane.ts';
import { createVirtualClock } from './virtual-clock.ts';

/** No retry budget at all: only 429s may be retried, so every completion proves they are free. */
const noRetries: RetryPolicy = { max_retries: 0, base_delay_ms: 100, max_delay_ms: 2_000 };
const serverRpm = 600;
const tokensPerCall = 40;

interface Simulation {
  readonly results: readonly RetryResult<number>[];
  /** When the server admitted each call, virtual ms. */
  readonly served: readonly number[];
  readonly refused: number;
  readonly finishedAt: number;
}

/**
 * `calls` calls, all queued at once, through one lane on a virtual clock against a server that limits
 * to {@link serverRpm} with sim-serve's own limiter (a few seconds of burst) and answers after 20 ms.
 */
async function simulate(options: { calls: number; limits: ConnectionLaneLimits; headers: boolean; strayShare?: number }): Promise<Simulation> {
  const clock = createVirtualClock();
  const server = createServerRateLimiter({ rpm: serverRpm, tpm: undefined });
  const lane = createConnectionLane('sim', options.limits, { now: clock.now, sleep: clock.sleep });
  const served: number[] = [];
  let refused = 0;
  let seed = 1;
  const random = (): number => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const refuse = (retryAfterMs: number, check: LimitCheck | undefined): ProviderError => {
    refused += 1;
    const rateLimits: AdvertisedRateLimits | undefined = options.headers && check !== undefined ? { requests: check.requests, tokens: undefined } : undefined;
    return new ProviderError('rate_limited', 'HTTP 429', { retryable: true, status: 429, retryAfterMs, rateLimits });
  };
  const all = Promise.all(
    Array.from({ length: options.calls }, () =>
      callWithRetries<number>({
        lane, estimatedTokens: tokensPerCall, policy: noRetries, timeoutMs: 60_000, signal: new AbortController().signal,
        random, sleep: clock.sleep, now: clock.now,
        attempt: async () => {
          await clock.sleep(20);
          const check = server.admit(tokensPerCall, clock.now());
          if (check.retryAfterMs > 0) throw refuse(check.retryAfterMs, check);
          // A provider's momentary overload: a 429 with room left on the limit.
          if (random() < (options.strayShare ?? 0)) throw refuse(1_000, check);
          served.push(clock.now());
          return { value: clock.now(), actualTokens: tokensPerCall };
        },
      }),
    ),
  );
  const results = await clock.runUntilSettled(all);
  return { results, served, refused, finishedAt: clock.now() };
}

/** Calls admitted per minute over [fromMs, toMs). */
function servedRpm(served: readonly number[], fromMs: number, toMs: number): number {
  return (served.filter((at) => at >= fromMs && at < toMs).length * 60_000) / (toMs - fromMs);
}

describe('adaptive rate limits against a simulated server (virtual clock)', () => {
  it('learns the advertised limit from the first 429s and holds it: every call completes, few 429s', async () => {
    const run = await simulate({ calls: 600, limits: { concurrency: 32 }, headers: true });
    expect(run.results.every((result) => result.ok)).toBe(true);
    // The first wave, sent before any 429, is refused once; after that the pace holds.
    expect(run.refused).toBeLessThanOrEqual(64);
    expect(servedRpm(run.served, 10_000, 50_000)).toBeGreaterThanOrEqual(0.95 * serverRpm);
    expect(servedRpm(run.served, 10_000, 50_000)).toBeLessThanOrEqual(serverRpm * 1.01);
  });

  it('without rate-limit headers, converges near the limit by AIMD: every call completes, 429s bounded', async () => {
    const run = await simulate({ calls: 600, limits: { concurrency: 32 }, headers: false });
    expect(run.results.every((result) => result.ok)).toBe(true);
    expect(run.refused).toBeLessThanOrEqual(240);
    expect(servedRpm(run.served, 10_000, 50_000)).toBeGreaterThanOrEqual(0.9 * serverRpm);
    // No call starves: the slowest one needed a bounded number of tries.
    expect(Math.max(...run.results.map((result) => result.retries))).toBeLessThanOrEqual(20);
  });

  it('keeps a configured limit with no 429 at all', async () => {
    const run = await simulate({ calls: 400, limits: { concurrency: 32, rpm: serverRpm }, headers: true });
    expect(run.results.every((result) => result.ok)).toBe(true);
    expect(run.refused).toBe(0);
    expect(servedRpm(run.served, 5_000, 35_000)).toBeGreaterThanOrEqual(0.98 * serverRpm);
  });

  it('is not dragged down by stray 429s at the configured limit', async () => {
    const run = await simulate({ calls: 400, limits: { concurrency: 32, rpm: serverRpm }, headers: true, strayShare: 0.02 });
    expect(run.results.every((result) => result.ok)).toBe(true);
    expect(run.refused).toBeGreaterThan(0);
    // Strays pause the lane for their Retry-After (1 s each, about one every 5 s here) but do not cut the rate.
    expect(servedRpm(run.served, 5_000, 35_000)).toBeGreaterThanOrEqual(0.75 * serverRpm);
  });
});
