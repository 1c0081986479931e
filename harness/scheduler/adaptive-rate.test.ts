import { describe, expect, it } from 'vitest';
import type { AdvertisedRateLimits } from '../core/provider-contract.ts';
import { clusterSize, createAdaptiveRate, decrease, increasePerSecond } from './adaptive-rate.ts';

/** A clock moved by hand. */
function manualClock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

const advertised = (requests: number, remainingRequests: number, tokens?: number): AdvertisedRateLimits => ({
  requests: { limit: requests, remaining: remainingRequests, resetMs: 1_000 },
  tokens: tokens === undefined ? undefined : { limit: tokens, remaining: 0, resetMs: 1_000 },
});

/** Within 2 % of `expected`: a served rate counted from n events over n - 1 gaps is a little high. */
function expectNear(actual: number | undefined, expected: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected * 0.98);
  expect(actual).toBeLessThanOrEqual(expected * 1.02);
}

/** `count` successes `everyMs` apart, all reserved in the current epoch. */
function succeedMany(rate: ReturnType<typeof createAdaptiveRate>, clock: ReturnType<typeof manualClock>, count: number, everyMs: number): void {
  for (let index = 0; index < count; index += 1) {
    clock.advance(everyMs);
    rate.succeeded(rate.epoch);
  }
}

describe('createAdaptiveRate', () => {
  it('stays at the configured limits, and unlimited without them, while there is no 429', () => {
    const clock = manualClock();
    const configured = createAdaptiveRate({ rpm: 600, tpm: 90_000, now: clock.now });
    const open = createAdaptiveRate({ now: clock.now });
    for (let index = 0; index < 100; index += 1) {
      clock.advance(10);
      expect(configured.succeeded(configured.epoch)).toBe(false);
      expect(open.succeeded(open.epoch)).toBe(false);
    }
    expect([configured.rpm, configured.tpm, configured.epoch]).toEqual([600, 90_000, 0]);
    expect([open.rpm, open.tpm, open.epoch]).toEqual([undefined, undefined, 0]);
  });

  it('adopts the limits a 429 advertises, without cutting below them for the calls sent before', () => {
    const clock = manualClock();
    const rate = createAdaptiveRate({ now: clock.now });
    const ticket = rate.epoch;
    expect(rate.rateLimited(ticket, advertised(1_200, 0, 60_000))).toEqual({ exhausted: true });
    expect([rate.rpm, rate.tpm]).toEqual([1_200, 60_000]);
    // The rest of the first wave was sent unlimited: its 429s say nothing about 1 200 rpm.
    for (let index = 0; index < 30; index += 1) rate.rateLimited(ticket, advertised(1_200, 0, 60_000));
    expect([rate.rpm, rate.tpm]).toEqual([1_200, 60_000]);
  });

  it('never goes above a configured limit, but lowers it to a smaller advertised one', () => {
    const clock = manualClock();
    const rate = createAdaptiveRate({ rpm: 600, tpm: 90_000, now: clock.now });
    rate.rateLimited(rate.epoch, { requests: { limit: 5_000, remaining: 4_000, resetMs: 0 }, tokens: undefined });
    expect([rate.rpm, rate.tpm, rate.epoch]).toEqual([600, 90_000, 0]);
    rate.rateLimited(rate.epoch, { requests: undefined, tokens: { limit: 30_000, remaining: 0, resetMs: 500 } });
    expect([rate.rpm, rate.tpm, rate.epoch]).toEqual([600, 30_000, 1]);
  });

  it('ignores a 429 whose headers show room left: a stray, honoured by its Retry-After only', () => {
    const clock = manualClock();
    const rate = createAdaptiveRate({ rpm: 1_200, now: clock.now });
    for (let index = 0; index < 10; index += 1) {
      expect(rate.rateLimited(rate.epoch, advertised(1_200, 40))).toEqual({ exhausted: false });
    }
    expect(rate.rpm).toBe(1_200);
  });

  it('cuts the rate by the decrease factor when the headers show a limit used up, once per epoch', () => {
    const clock = manualClock();
    const rate = createAdaptiveRate({ rpm: 1_200, tpm: 60_000, now: clock.now });
    const ticket = rate.epoch;
    expect(rate.rateLimited(ticket, advertised(1_200, 0))).toEqual({ exhausted: true });
    expect(rate.rpm).toBeCloseTo(1_200 * decrease);
    expect(rate.tpm).toBeCloseTo(60_000 * decrease);
    // More 429s to calls reserved at the old rate: no further cut.
    rate.rateLimited(ticket, advertised(1_200, 0));
    expect(rate.rpm).toBeCloseTo(1_200 * decrease);
    // A 429 to a call paced at the new rate cuts again.
    rate.rateLimited(rate.epoch, advertised(1_200, 0));
    expect(rate.rpm).toBeCloseTo(1_200 * decrease * decrease);
  });

  it('without headers, ignores a lone 429 but cuts on a cluster, to below the rate actually served', () => {
    const clock = manualClock();
    const rate = createAdaptiveRate({ now: clock.now });
    // 40 successes a second for 5 s: 2 400 rpm served.
    succeedMany(rate, clock, 200, 25);
    expect(rate.rateLimited(rate.epoch, undefined)).toEqual({ exhausted: false });
    expect(rate.rpm).toBeUndefined();
    succeedMany(rate, clock, clusterSize, 25);
    // Alone in the last `clusterSize` answers again: still a stray.
    expect(rate.rateLimited(rate.epoch, undefined)).toEqual({ exhausted: false });
    expect(rate.rateLimited(rate.epoch, undefined)).toEqual({ exhausted: true });
    expectNear(rate.rpm, 2_400 * decrease);
  });

  it('creeps back up by the increase rate per second of successes, to the ceiling and no further', () => {
    const clock = manualClock();
    const rate = createAdaptiveRate({ rpm: 1_000, now: clock.now });
    rate.rateLimited(rate.epoch, advertised(1_000, 0));
    expect(rate.rpm).toBeCloseTo(800);
    succeedMany(rate, clock, 20, 100);
    expect(rate.rpm).toBeCloseTo(1_000 * (decrease + 2 * increasePerSecond));
    succeedMany(rate, clock, 200, 100);
    expect(rate.rpm).toBe(1_000);
  });

  it('creeps back up without a ceiling too, linearly from the level it fell to', () => {
    const clock = manualClock();
    const rate = createAdaptiveRate({ now: clock.now });
    succeedMany(rate, clock, 100, 50);
    rate.rateLimited(rate.epoch, undefined);
    rate.rateLimited(rate.epoch, undefined);
    const level = rate.rpm ?? 0;
    expectNear(level, 1_200 * decrease);
    succeedMany(rate, clock, 40, 100);
    expect(rate.rpm).toBeCloseTo(level * (1 + 4 * increasePerSecond));
  });

  it('keeps a floor under a storm of 429s, so a connection slows down but never stops', () => {
    const clock = manualClock();
    const configured = createAdaptiveRate({ rpm: 600, now: clock.now });
    const open = createAdaptiveRate({ now: clock.now });
    succeedMany(open, clock, 10, 100);
    for (let index = 0; index < 500; index += 1) {
      configured.rateLimited(configured.epoch, advertised(600, 0));
      open.rateLimited(open.epoch, undefined);
    }
    expect(configured.rpm).toBeGreaterThan(0);
    expect(open.rpm).toBeGreaterThanOrEqual(1);
  });
});
