/**
 * A clock whose time moves only when told, for deterministic tests and simulations of the scheduler:
 * pass its `now` and `sleep` wherever a clock and a wait are injectable, then drive it with
 * `runUntilSettled`. Timing assertions become exact instead of flaky.
 */
export interface VirtualClock {
  /** Current virtual time, ms. A plain function: pass it around detached. */
  readonly now: () => number;
  /** Resolves when virtual time reaches now + `ms`; rejects with `signal.reason` on abort. Detachable too. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Lets pending callbacks run, then jumps to the next timer, until `promise` settles; returns it.
   * Rejects when `promise` is still pending and no timer is left (a deadlock).
   */
  runUntilSettled<T>(promise: Promise<T>): Promise<T>;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

/** Creates a {@link VirtualClock} starting at `start` ms. */
export function createVirtualClock(start = 0): VirtualClock {
  let time = start;
  let seq = 0;
  const timers: Timer[] = [];

  const removeTimer = (timer: Timer): void => {
    const index = timers.indexOf(timer);
    if (index >= 0) timers.splice(index, 1);
  };

  return {
    now: () => time,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => {
        const onAbort = (): void => {
          removeTimer(timer);
          resolve();
        };
        const timer: Timer = {
          at: time + Math.max(0, ms),
          seq: seq++,
          fire: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        timers.push(timer);
        // Equal times fire in the order they were set, as real timers do.
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      signal?.throwIfAborted();
    },
    async runUntilSettled<T>(promise: Promise<T>): Promise<T> {
      let settled = false;
      const done = promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (;;) {
        // A macrotask turn drains every pending microtask (promise chains, p-queue's scheduling).
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (settled) break;
        const next = timers.shift();
        if (next === undefined) throw new Error(`Deadlock at virtual time ${time}: no timer left`);
        time = Math.max(time, next.at);
        next.fire();
      }
      await done;
      return promise;
    },
  };
}
