/**
 * Concurrency slots handed out first come, first served. A freed slot goes straight to the oldest
 * waiter. Built for the connection lane's hot path: taking a free slot allocates nothing, and
 * waiters are cancelled through one `abort` listener per signal rather than one per waiter.
 */
export interface SlotQueue {
  /** Takes a slot if one is free and nobody waits for one (FIFO). */
  tryTake(): boolean;
  /**
   * Waits for a slot. If `signal` aborts first, rejects with its reason and takes no slot; when it
   * is already aborted, rejects at once.
   */
  take(signal?: AbortSignal): Promise<void>;
  /** Frees a slot taken by `tryTake` or `take`. */
  release(): void;
  /** Slots taken. */
  readonly taken: number;
  /** Calls waiting for a slot. */
  readonly waiting: number;
  /** Resolves when no slot is taken and nobody waits. */
  onIdle(): Promise<void>;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  cancelled: boolean;
}

export function createSlotQueue(size: number): SlotQueue {
  let taken = 0;
  // A queue with a moving head: `shift` on a long array is O(n).
  let waiters: (Waiter | undefined)[] = [];
  let head = 0;
  let waiting = 0;
  let idle: (() => void)[] = [];
  // Waiters per signal, and the listener that cancels them all when the signal aborts.
  const watched = new Map<AbortSignal, { count: number; onAbort: () => void }>();

  const unwatch = (signal: AbortSignal | undefined): void => {
    if (signal === undefined) return;
    const entry = watched.get(signal);
    if (entry === undefined || --entry.count > 0) return;
    signal.removeEventListener('abort', entry.onAbort);
    watched.delete(signal);
  };
  const cancelAll = (signal: AbortSignal): void => {
    watched.delete(signal);
    for (let index = head; index < waiters.length; index += 1) {
      const waiter = waiters[index];
      if (waiter === undefined || waiter.cancelled || waiter.signal !== signal) continue;
      waiter.cancelled = true;
      waiting -= 1;
      waiter.reject(signal.reason);
    }
    settleIdle();
  };
  const settleIdle = (): void => {
    if (taken > 0 || waiting > 0 || idle.length === 0) return;
    const resolved = idle;
    idle = [];
    for (const resolve of resolved) resolve();
  };

  return {
    tryTake() {
      if (taken >= size || waiting > 0) return false;
      taken += 1;
      return true;
    },
    take(signal) {
      // The reason itself, whatever its type, as `throwIfAborted` would reject.
      if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
      if (taken < size && waiting === 0) {
        taken += 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject, signal, cancelled: false });
        waiting += 1;
        if (signal === undefined) return;
        const entry = watched.get(signal);
        if (entry !== undefined) entry.count += 1;
        else {
          const onAbort = (): void => cancelAll(signal);
          watched.set(signal, { count: 1, onAbort });
          signal.addEventListener('abort', onAbort, { once: true });
        }
      });
    },
    release() {
      while (head < waiters.length) {
        const next = waiters[head];
        waiters[head] = undefined;
        head += 1;
        if (head === waiters.length) {
          waiters.length = 0;
          head = 0;
        } else if (head >= 1024 && head * 2 >= waiters.length) {
          waiters = waiters.slice(head);
          head = 0;
        }
        if (next === undefined || next.cancelled) continue;
        // The slot passes to the waiter as it is: `taken` does not change.
        waiting -= 1;
        unwatch(next.signal);
        next.resolve();
        return;
      }
      taken -= 1;
      settleIdle();
    },
    get taken() {
      return taken;
    },
    get waiting() {
      return waiting;
    },
    onIdle() {
      if (taken === 0 && waiting === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
