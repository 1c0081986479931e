import { setMaxListeners } from 'node:events';

/** A signal that aborts when any parent aborts or its timeout passes; `dispose` releases it. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** True once the timeout (not a parent) aborted the signal. */
  readonly timedOut: boolean;
  /** Removes the listeners from the parents and clears the timer. Call it when the work ends. */
  dispose(): void;
}

/**
 * Links a per-call signal to long-lived parents (the run's) without `AbortSignal.any` or
 * `AbortSignal.timeout`: in Node 20 those keep every dependent signal and a 60-second timer per
 * call alive until they fire or are collected, which at thousands of calls a second cost
 * gigabytes. Here each call's listener and timer are released the moment the call ends.
 */
export function createLinkedSignal(parents: readonly (AbortSignal | undefined)[], timeoutMs?: number): LinkedSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = function (this: AbortSignal): void {
    controller.abort(this.reason);
  };
  const linked: AbortSignal[] = [];
  for (const parent of parents) {
    if (parent === undefined) continue;
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    // One listener per call in flight is expected on a run-wide signal, not a leak.
    setMaxListeners(0, parent);
    parent.addEventListener('abort', onAbort, { once: true });
    linked.push(parent);
  }
  const timer =
    timeoutMs === undefined || controller.signal.aborted
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`The operation timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      for (const parent of linked) parent.removeEventListener('abort', onAbort);
      linked.length = 0;
    },
  };
}
