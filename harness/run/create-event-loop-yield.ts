/**
 * Lets timers and I/O run during a loop that would otherwise never leave the microtask queue. With
 * zero-latency (simulated) models a run is one long chain of resolved promises: without a turn of
 * the event loop, batch-commit timers, signal handlers (SIGINT) and progress output would all wait
 * for the end of the run. The returned function gives a promise to await about every `intervalMs`,
 * `undefined` otherwise, so the common case costs one clock read.
 */
export function createEventLoopYield(intervalMs = 20): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return undefined;
    last = now;
    return new Promise((resolve) => setImmediate(resolve));
  };
}
