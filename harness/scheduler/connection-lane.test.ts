import { describe, expect, it } from 'vitest';
import { createConnectionLane } from './connection-lane.ts';
import { createVirtualClock } from './virtual-clock.ts';

/** A promise and the function that resolves it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('createConnectionLane', () => {
  it('never runs more than `concurrency` calls at once, and fills every slot', async () => {
    const clock = createVirtualClock();
    const lane = createConnectionLane('acct:model', { concurrency: 3 }, clock);
    let running = 0;
    let most = 0;
    const calls = Array.from({ length: 40 }, (_, i) =>
      lane.run(1, async () => {
        running += 1;
        most = Math.max(most, running);
        expect(lane.inFlight).toBe(running);
        await clock.sleep(10 + ((i * 37) % 50));
        running -= 1;
        return i;
      }),
    );
    expect(await clock.runUntilSettled(Promise.all(calls))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(most).toBe(3);
  });

  it('starts calls no faster than rpm allows', async () => {
    const clock = createVirtualClock();
    const lane = createConnectionLane('k', { concurrency: 100, rpm: 600 }, clock);
    const starts = Array.from({ length: 30 }, () => lane.run(0, () => Promise.resolve(clock.now())));
    const times = await clock.runUntilSettled(Promise.all(starts));
    for (const t of times) expect(times.filter((u) => u >= t && u <= t + 1_000).length).toBeLessThanOrEqual(20);
    expect(Math.max(...times)).toBe(2_000);
  });

  it('starts calls no faster than tpm allows', async () => {
    const clock = createVirtualClock();
    const lane = createConnectionLane('k', { concurrency: 100, tpm: 6_000 }, clock);
    const starts = Array.from({ length: 20 }, () => lane.run(50, () => Promise.resolve(clock.now())));
    const times = await clock.runUntilSettled(Promise.all(starts));
    for (const t of times) expect(50 * times.filter((u) => u >= t && u <= t + 1_000).length).toBeLessThanOrEqual(200);
    // 1000 tokens at 100/s, 100 of them up front.
    expect(Math.max(...times)).toBe(9_000);
  });

  it('admits more calls sooner when settle refunds an overestimate', async () => {
    const finishTime = async (settle: boolean): Promise<number> => {
      const clock = createVirtualClock();
      const lane = createConnectionLane('k', { concurrency: 1, tpm: 6_000 }, clock);
      const calls = Array.from({ length: 10 }, () =>
        lane.run(100, async () => {
          await clock.sleep(10);
          if (settle) lane.settle(100, 10);
        }),
      );
      await clock.runUntilSettled(Promise.all(calls));
      return clock.now();
    };
    const without = await finishTime(false);
    const withSettle = await finishTime(true);
    expect(without).toBe(9_010);
    expect(withSettle).toBeLessThan(without / 5);
  });

  it('holds calls back until a pause ends', async () => {
    const clock = createVirtualClock();
    const lane = createConnectionLane('k', { concurrency: 4 }, clock);
    lane.pauseUntil(700);
    const start = lane.run(0, () => Promise.resolve(clock.now()));
    expect(await clock.runUntilSettled(start)).toBe(700);
  });

  it('counts waiting and in-flight calls', async () => {
    const lane = createConnectionLane('k', { concurrency: 2 });
    const release = gate();
    const calls = Array.from({ length: 5 }, () => lane.run(0, () => release.promise));
    await new Promise((resolve) => setImmediate(resolve));
    expect([lane.inFlight, lane.waiting]).toEqual([2, 3]);
    release.open();
    await Promise.all(calls);
    await lane.onIdle();
    expect([lane.inFlight, lane.waiting]).toEqual([0, 0]);
  });

  it('rejects a queued call with the abort reason and never runs it', async () => {
    const lane = createConnectionLane('k', { concurrency: 1 });
    const release = gate();
    const first = lane.run(0, () => release.promise);
    const controller = new AbortController();
    let ran = false;
    const second = lane.run(
      0,
      () => {
        ran = true;
        return Promise.resolve();
      },
      controller.signal,
    );
    const reason = new Error('interrupt');
    controller.abort(reason);
    await expect(second).rejects.toBe(reason);
    expect(lane.waiting).toBe(0);
    release.open();
    await first;
    await lane.onIdle();
    expect(ran).toBe(false);
  });

  it('frees the slot when aborted while waiting on the rate limiter', async () => {
    const clock = createVirtualClock();
    const lane = createConnectionLane('k', { concurrency: 1, rpm: 60 }, clock);
    await clock.runUntilSettled(lane.run(0, () => Promise.resolve()));
    const controller = new AbortController();
    const reason = new Error('stop');
    const aborted = lane.run(0, () => Promise.resolve('ran'), controller.signal).catch((e: unknown) => e);
    const abortAt100 = clock.sleep(100).then(() => controller.abort(reason));
    expect(await clock.runUntilSettled(aborted)).toBe(reason);
    await abortAt100;
    // The aborted call kept its reservation (t = 1 s), so the next one goes at 2 s.
    const next = lane.run(0, () => Promise.resolve(clock.now()));
    expect(await clock.runUntilSettled(next)).toBe(2_000);
  });

  it('keeps the slot while a running call ignores an abort', async () => {
    const lane = createConnectionLane('k', { concurrency: 1 });
    const release = gate();
    const controller = new AbortController();
    const first = lane.run(0, () => release.promise, controller.signal);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('late'));
    let secondStarted = false;
    const second = lane.run(0, () => Promise.resolve((secondStarted = true)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([lane.inFlight, secondStarted]).toEqual([1, false]);
    release.open();
    await Promise.all([first, second]);
    expect(secondStarted).toBe(true);
  });

  it('rejects a bad concurrency', () => {
    expect(() => createConnectionLane('k', { concurrency: 0 })).toThrow(
      'Expected `concurrency` to be an integer ≥ 1, got `0`',
    );
  });

  it('paces on the real clock by default', async () => {
    const lane = createConnectionLane('k', { concurrency: 4, rpm: 600 });
    const before = Date.now();
    const starts = await Promise.all(Array.from({ length: 12 }, () => lane.run(0, () => Promise.resolve(Date.now()))));
    expect(Math.max(...starts) - before).toBeGreaterThanOrEqual(200);
  });
});
