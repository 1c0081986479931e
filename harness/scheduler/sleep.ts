import { setMaxListeners } from 'node:events';

/** Longest delay `setTimeout` honours; Node fires longer ones after 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Waits `ms` milliseconds (fractions round up). Rejects with `signal.reason` as soon as `signal` aborts,
 * and at once when it is already aborted.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let remaining = Math.max(0, Math.ceil(ms));
  do {
    signal?.throwIfAborted();
    const step = Math.min(remaining, MAX_TIMER_MS);
    await timerOrAbort(step, signal);
    remaining -= step;
  } while (remaining > 0);
  // `throwIfAborted` rejects with the reason itself, whatever its type.
  signal?.throwIfAborted();
}

/** Resolves after `ms`, or earlier when `signal` aborts; the caller tells which. */
function timerOrAbort(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal !== undefined) {
      // Hundreds of sleepers on one run-wide signal are expected; each removes itself when done.
      setMaxListeners(0, signal);
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}
