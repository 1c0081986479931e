/**
 * Bounds how many attempts of one model are scheduled ahead. `enter` waits for a free place;
 * `leave` frees one and wakes exactly one waiter, so each attempt costs O(1) whatever the
 * window (a `Promise.race` over everything in flight costs O(window) and keeps a reaction on
 * every pending promise per call).
 */
export interface DispatchWindow {
  enter(): Promise<void>;
  leave(): void;
  /** Resolves when every place is free again. */
  drained(): Promise<void>;
}

export function createDispatchWindow(size: number): DispatchWindow {
  let used = 0;
  const waiters: (() => void)[] = [];
  let onDrained: (() => void) | undefined;
  return {
    enter() {
      if (used < size) {
        used += 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiters.push(resolve));
    },
    leave() {
      const next = waiters.shift();
      if (next !== undefined) return next();
      used -= 1;
      if (used === 0) onDrained?.();
    },
    drained() {
      if (used === 0) return Promise.resolve();
      return new Promise((resolve) => (onDrained = resolve));
    },
  };
}
