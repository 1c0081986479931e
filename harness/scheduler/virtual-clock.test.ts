import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './virtual-clock.ts';

describe('createVirtualClock', () => {
  it('fires sleepers in time order, equal times in the order they were set', async () => {
    const clock = createVirtualClock(1_000);
    const order: string[] = [];
    const all = Promise.all([
      clock.sleep(300).then(() => order.push(`a@${clock.now()}`)),
      clock.sleep(100).then(() => order.push(`b@${clock.now()}`)),
      clock.sleep(300).then(() => order.push(`c@${clock.now()}`)),
    ]);
    await clock.runUntilSettled(all);
    expect(order).toEqual(['b@1100', 'a@1300', 'c@1300']);
  });

  it('rejects an aborted sleep with the reason and leaves time alone', async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    const reason = new Error('stop');
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(reason);
    await expect(clock.runUntilSettled(sleeping)).rejects.toBe(reason);
    expect(clock.now()).toBe(0);
  });

  it('reports a deadlock instead of hanging', async () => {
    const clock = createVirtualClock();
    await expect(clock.runUntilSettled(new Promise(() => undefined))).rejects.toThrow('Deadlock at virtual time 0');
  });
});
