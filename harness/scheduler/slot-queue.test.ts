import { describe, expect, it } from 'vitest';
import { createSlotQueue } from './slot-queue.ts';

describe('createSlotQueue', () => {
  it('hands freed slots to waiters first come, first served', async () => {
    const slots = createSlotQueue(1);
    expect(slots.tryTake()).toBe(true);
    const order: number[] = [];
    const waiters = [1, 2, 3].map((index) => slots.take().then(() => order.push(index)));
    // A free slot goes to the oldest waiter, never to a newcomer.
    expect(slots.tryTake()).toBe(false);
    expect([slots.taken, slots.waiting]).toEqual([1, 3]);
    for (let index = 0; index < 3; index += 1) {
      slots.release();
      await Promise.resolve();
    }
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    expect([slots.taken, slots.waiting]).toEqual([1, 0]);
  });

  it('cancels every waiter of an aborted signal with its reason, and skips them', async () => {
    const slots = createSlotQueue(1);
    await slots.take();
    const controller = new AbortController();
    const cancelled = [slots.take(controller.signal), slots.take(controller.signal)];
    const kept = slots.take();
    const reason = new Error('interrupt');
    controller.abort(reason);
    for (const waiter of cancelled) await expect(waiter).rejects.toBe(reason);
    expect(slots.waiting).toBe(1);
    slots.release();
    await kept;
    expect([slots.taken, slots.waiting]).toEqual([1, 0]);
    await expect(slots.take(controller.signal)).rejects.toBe(reason);
  });

  it('resolves onIdle once nothing is taken or waiting', async () => {
    const slots = createSlotQueue(2);
    await slots.take();
    let idle = false;
    const done = slots.onIdle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    slots.release();
    await done;
    expect(idle).toBe(true);
  });
});
