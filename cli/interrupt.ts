/**
 * Graceful Ctrl-C: the first SIGINT stops scheduling and lets in-flight calls finish for
 * `graceMs`; after that, or at a second SIGINT, in-flight calls are abandoned (a resume
 * makes them again). Returns the two signals and a function that removes the handlers.
 */
export function installInterrupt(graceMs: number, onStop: (message: string) => void): { stop: AbortSignal; abort: AbortSignal; dispose: () => void } {
  const stop = new AbortController();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const handler = () => {
    if (!stop.signal.aborted) {
      stop.abort(new Error('interrupted'));
      onStop(`interrupted: finishing in-flight calls (up to ${Math.round(graceMs / 1000)} s; press Ctrl-C again to abandon them)`);
      timer = setTimeout(() => abort.abort(new Error('interrupted')), graceMs);
      timer.unref();
    } else {
      abort.abort(new Error('interrupted'));
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    stop: stop.signal,
    abort: abort.signal,
    dispose: () => {
      clearTimeout(timer);
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
