/**
 * Lets timers and I/O run during a loop that would otherwise never leave the microtask queue. With
 * zero-latency (simulated) models a run is one long chain of resolved promises: without a turn of
 * the event loop, batch-commit timers, signal handlers (SIGINT) and progress output would all wait
 * for the end of the run. The returned function gives a promise to await about every `intervalMs`,
 * `undefined` otherwise, so the common case costs one clock read. The interval counts from when the
 * loop resumes: counted from when it yielded, a loop that resumed after another's full interval
 * found its own spent and yielded again at once, so one model's loop ran almost alone until the end
 * of its plan while the others made one attempt per turn.
 */
export function createEventLoopYield(intervalMs = 20): () => Promise<void> | undefined {
  let last = performance.now();
  const resume = (resolve: () => void) =>
    setImmediate(() => {
      last = performance.now();
      resolve();
    });
  return () => {
    if (performance.now() - last < intervalMs) return undefined;
    return new Promise(resume);
  };
}
