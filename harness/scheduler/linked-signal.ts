/** A signal that aborts when any parent aborts or its timeout passes; `dispose` releases it. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** True once the timeout (not a parent) aborted the signal. */
  readonly timedOut: boolean;
  /**
   * Calls `listener` once when the signal aborts (at once if it has): the one listener of the call
   * that owns the signal, without an `EventTarget` listener to add and remove. A later call replaces it.
   */
  onAbort(listener: () => void): void;
  /** Detaches from the parents and clears the timer. Call it when the work ends. */
  dispose(): void;
}

/** A linked signal as its parents see it. */
interface Child {
  abort(reason: unknown): void;
}

/** The children of each parent signal; each parent gets one `abort` listener, whatever their number. */
const childrenOf = new WeakMap<AbortSignal, Set<Child>>();

function watch(parent: AbortSignal): Set<Child> {
  let children = childrenOf.get(parent);
  if (children === undefined) {
    const watched = new Set<Child>();
    parent.addEventListener('abort', () => [...watched].forEach((child) => child.abort(parent.reason)), { once: true });
    childrenOf.set(parent, watched);
    children = watched;
  }
  return children;
}

/**
 * Links a per-call signal to long-lived parents (the run's) without `AbortSignal.any` or
 * `AbortSignal.timeout`: in Node 20 those keep every dependent signal and a 60-second timer per
 * call alive until they fire or are collected, which at thousands of calls a second cost
 * gigabytes. Each parent carries one listener for all its children, kept in a set, so a call costs
 * one controller and a set entry instead of an `EventTarget` listener added and removed on the
 * run-wide signal; the child and its timer are released the moment the call ends.
 */
export function createLinkedSignal(parents: readonly (AbortSignal | undefined)[], timeoutMs?: number): LinkedSignal {
  const controller = new AbortController();
  let timedOut = false;
  let listener: (() => void) | undefined;
  const child: Child = {
    abort(reason) {
      if (controller.signal.aborted) return;
      controller.abort(reason);
      listener?.();
    },
  };
  let linked: Set<Child>[] | undefined;
  for (const parent of parents) {
    if (parent === undefined) continue;
    if (parent.aborted) {
      child.abort(parent.reason);
      break;
    }
    const children = watch(parent);
    children.add(child);
    (linked ??= []).push(children);
  }
  const timer =
    timeoutMs === undefined || controller.signal.aborted
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          child.abort(new DOMException(`The operation timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    onAbort(next) {
      listener = next;
      if (controller.signal.aborted) next();
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      if (linked !== undefined) for (const children of linked) children.delete(child);
      linked = undefined;
    },
  };
}
