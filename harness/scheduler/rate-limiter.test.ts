import { describe, expect, it } from 'vitest';
import { RETRY_AFTER_CEILING_MS } from './backoff.ts';
import { createRateLimiter } from './rate-limiter.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createVirtualClock } from './virtual-clock.ts';
import type { VirtualClock } from './virtual-clock.ts';

/** Most events in any closed window [t, t + windowMs] starting at an event. */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (j < sorted.length && (sorted[j] ?? Infinity) <= (sorted[i] ?? 0) + windowMs) j += 1;
    best = Math.max(best, j - i);
  }
  return best;
}

/** Most weight (tokens) started in any closed window [t, t + windowMs] starting at an event. */
function maxWeightInWindow(events: readonly { at: number; weight: number }[], windowMs: number): number {
  return Math.max(
    ...events.map(({ at }) => events.filter((e) => e.at >= at && e.at <= at + windowMs).reduce((s, e) => s + e.weight, 0)),
  );
}

/** Calls `acquire` for each estimate at once; returns when each completed, in call order. */
async function acquireAll(clock: VirtualClock, limiter: RateLimiter, estimates: readonly number[]): Promise<number[]> {
  const times: number[] = [];
  const all = estimates.map(async (estimate, index) => {
    await limiter.acquire(estimate);
    times[index] = clock.now();
  });
  await clock.runUntilSettled(Promise.all(all));
  return times;
}

describe('createRateLimiter', () => {
  it('resolves at once without limits', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const times = await acquireAll(clock, limiter, Array.from({ length: 1_000 }, () => 1_000_000));
    expect(new Set(times)).toEqual(new Set([0]));
  });

  it('paces requests at rpm/60 per second after a one-second burst', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm: 600, now: clock.now, sleep: clock.sleep });
    const times = await acquireAll(clock, limiter, Array.from({ length: 30 }, () => 0));
    // Burst of 10 at once, then one every 100 ms, in call order.
    expect(times).toEqual([...Array.from({ length: 10 }, () => 0), ...Array.from({ length: 20 }, (_, k) => (k + 1) * 100)]);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(10 + 10);
  });

  it.each([
    [120, 122],
    [30, 31],
  ])('starts at most rpm + max(1, rpm/60) requests in any 60 s window (rpm %i)', async (rpm, bound) => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm, now: clock.now, sleep: clock.sleep });
    const times = await acquireAll(clock, limiter, Array.from({ length: rpm * 3 }, () => 0));
    expect(maxInWindow(times, 60_000)).toBe(bound);
  });

  it('paces tokens at tpm/60 per second after a one-second burst', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ tpm: 6_000, now: clock.now, sleep: clock.sleep });
    const estimates = Array.from({ length: 40 }, () => 25);
    const times = await acquireAll(clock, limiter, estimates);
    const events = times.map((at) => ({ at, weight: 25 }));
    expect(maxWeightInWindow(events, 1_000)).toBeLessThanOrEqual(100 + 100);
    // 1000 tokens at 100/s with 100 up front: the last starts after 9 s, not earlier.
    expect(times.at(-1)).toBe(9_000);
  });

  it('admits a request larger than the burst, then makes later ones wait', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ tpm: 600, now: clock.now, sleep: clock.sleep });
    const times = await acquireAll(clock, limiter, [50, 1, 50]);
    // 10 tokens/s: the 50 go at once, then 1 waits until the bucket holds a token again (5 s - 1 s burst + 0.1 s).
    expect(times).toEqual([0, 4_100, 5_100]);
  });

  it('admits sooner after a refund and later after an extra charge', async () => {
    const run = async (actual: number | undefined): Promise<number[]> => {
      const clock = createVirtualClock();
      const limiter = createRateLimiter({ tpm: 6_000, now: clock.now, sleep: clock.sleep });
      const times: number[] = [];
      const sequence = (async () => {
        for (let i = 0; i < 5; i += 1) {
          await limiter.acquire(100);
          times.push(clock.now());
          if (actual !== undefined) limiter.settle(100, actual);
        }
      })();
      await clock.runUntilSettled(sequence);
      return times;
    };
    expect(await run(undefined)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(await run(10)).toEqual([0, 100, 200, 300, 400]);
    expect(await run(200)).toEqual([0, 2_000, 4_000, 6_000, 8_000]);
  });

  it('holds acquires until a pause ends, keeping the latest pause', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pauseUntil(800);
    limiter.pauseUntil(300);
    expect(await acquireAll(clock, limiter, [1, 1])).toEqual([800, 800]);
  });

  it('paces acquires made during a pause from its end, not all at once', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm: 600, now: clock.now, sleep: clock.sleep });
    limiter.pauseUntil(1_000);
    const times = await acquireAll(clock, limiter, Array.from({ length: 12 }, () => 0));
    expect(times).toEqual([...Array.from({ length: 10 }, () => 1_000), 1_100, 1_200]);
  });

  it('moves reservations made before a pause later by its length, keeping their spacing', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm: 600, now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    const all = Array.from({ length: 12 }, async (_, index) => {
      await limiter.acquire(0);
      times[index] = clock.now();
    });
    limiter.pauseUntil(1_000);
    const late = limiter.acquire(0).then(() => clock.now());
    await clock.runUntilSettled(Promise.all(all));
    // The first 10 had completed before the pause; the 11th and 12th were waiting.
    expect(times.slice(10)).toEqual([1_100, 1_200]);
    expect(await clock.runUntilSettled(late)).toBe(1_300);
  });

  it('rejects with the reason when aborted while waiting, and keeps the reservation', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm: 60, now: clock.now, sleep: clock.sleep });
    await limiter.acquire(0);
    const controller = new AbortController();
    const reason = new Error('stop');
    const waiting = limiter.acquire(0, controller.signal);
    const outcome = waiting.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    const abortAt500 = clock.sleep(500).then(() => controller.abort(reason));
    expect(await clock.runUntilSettled(outcome)).toBe(reason);
    expect(clock.now()).toBe(500);
    await abortAt500;
    const next = limiter.acquire(0).then(() => clock.now());
    expect(await clock.runUntilSettled(next)).toBe(2_000);
  });

  it('rejects an already aborted acquire without reserving anything', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm: 60, now: clock.now, sleep: clock.sleep });
    const reason = new Error('already');
    await expect(limiter.acquire(0, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(await acquireAll(clock, limiter, [0, 0])).toEqual([0, 1_000]);
  });

  it('adopts the rate a 429 advertises and paces from the end of its Retry-After, with no burst', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const tickets = await Promise.all([limiter.acquire(0), limiter.acquire(0)]);
    const limits = { requests: { limit: 600, remaining: 0, resetMs: 1_000 }, tokens: undefined };
    limiter.rateLimited(tickets[0] ?? 0, 1_000, limits);
    expect(await acquireAll(clock, limiter, [0, 0, 0])).toEqual([1_100, 1_200, 1_300]);
  });

  it('keeps its pace and burst after a stray 429 whose headers show room left, pausing only', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm: 600, now: clock.now, sleep: clock.sleep });
    const ticket = await limiter.acquire(0);
    limiter.rateLimited(ticket, 200, { requests: { limit: 600, remaining: 40, resetMs: 200 }, tokens: undefined });
    const times = await acquireAll(clock, limiter, Array.from({ length: 11 }, () => 0));
    expect(times).toEqual([...Array.from({ length: 9 }, () => 200), 300, 400]);
  });

  it('slows down on congestion and creeps back to the configured rate as calls succeed', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ rpm: 600, now: clock.now, sleep: clock.sleep });
    const exhausted = { requests: { limit: 600, remaining: 0, resetMs: 1_000 }, tokens: undefined };
    limiter.rateLimited(await limiter.acquire(0), undefined, exhausted);
    const starts: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      const ticket = await clock.runUntilSettled(limiter.acquire(0));
      starts.push(clock.now());
      limiter.succeeded(ticket);
    }
    const gaps = starts.slice(1).map((start, index) => start - (starts[index] ?? 0));
    // 480 rpm right after the cut, with no burst: the first call waits 125 ms. Then each success
    // adds back 5 % of 600 rpm per second: 600 rpm (100 ms apart) after about four seconds.
    expect(starts[0]).toBe(125);
    expect(gaps.every((gap, index) => index === 0 || gap <= (gaps[index - 1] ?? 0))).toBe(true);
    expect(gaps.at(-1)).toBeCloseTo(100, 5);
    expect(starts.at(-1)).toBeLessThan(6_500);
  });

  it('caps a Retry-After at the ceiling', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.rateLimited(await limiter.acquire(0), 1e12, undefined);
    expect(await acquireAll(clock, limiter, [0])).toEqual([RETRY_AFTER_CEILING_MS]);
  });

  it('rejects invalid limits and token counts', async () => {
    expect(() => createRateLimiter({ rpm: 0 })).toThrow('Expected `rpm` to be a finite number > 0, got `0`');
    expect(() => createRateLimiter({ tpm: Number.NaN })).toThrow(RangeError);
    const limiter = createRateLimiter({ tpm: 60 });
    await expect(limiter.acquire(-1)).rejects.toThrow('Expected `estimatedTokens` to be a finite number ≥ 0, got `-1`');
    expect(() => limiter.settle(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => limiter.pauseUntil(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('waits on the real clock by default', async () => {
    const limiter = createRateLimiter({ rpm: 600 });
    const before = Date.now();
    await Promise.all(Array.from({ length: 12 }, () => limiter.acquire(0)));
    // Ten in the burst, then 100 ms each for the 11th and 12th.
    expect(Date.now() - before).toBeGreaterThanOrEqual(200);
  });
});
