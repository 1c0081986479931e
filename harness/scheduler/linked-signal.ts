/** A signal that aborts when any parent aborts or its timeout passes; `dispose` releases it. */
export interface LinkedSignal {
  /**
   * The `AbortSignal`, created on first read: most calls end without anyone reading it (an
   * in-process provider that answers at once), and creating one costs several microseconds in Node 20.
   */
  readonly signal: AbortSignal;
  /** True once a parent or the timeout aborted it, whether or not `signal` was read. */
  readonly aborted: boolean;
  /** Why it aborted (the parent's reason or a `TimeoutError`); `undefined` until then. */
  readonly reason: unknown;
  /** True once the timeout (not a parent) aborted the signal. */
  readonly timedOut: boolean;
  /**
   * Calls `listener` with the reason once when the signal aborts (at once if it has): the one
   * listener of the call that owns the signal, without an `EventTarget` listener to add and remove.
   * A later call replaces it.
   */
  onAbort(listener: (reason: unknown) => void): void;
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
 * a set entry instead of an `EventTarget` listener added and removed on the run-wide signal, and
 * an `AbortController` only if someone reads `signal`; the child and its timer are released the
 * moment the call ends.
 */
export function createLinkedSignal(parents: readonly (AbortSignal | undefined)[], timeoutMs?: number): LinkedSignal {
  const child = new ChildSignal();
  for (const parent of parents) {
    if (parent === undefined) continue;
    if (parent.aborted) {
      child.abort(parent.reason);
      break;
    }
    const children = watch(parent);
    children.add(child);
    (child.linked ??= []).push(children);
  }
  if (timeoutMs !== undefined && !child.aborted) child.timer = setTimeout(onTimeout, timeoutMs, child, timeoutMs);
  return child;
}

function onTimeout(child: ChildSignal, timeoutMs: number): void {
  child.timedOut = true;
  child.abort(new DOMException(`The operation timed out after ${timeoutMs} ms`, 'TimeoutError'));
}

/**
 * A class, not an object literal with getters and closures: this is made once per call, and a
 * literal's accessors are fresh functions each time, which at tens of thousands of calls a second
 * showed up as a large share of what the garbage collector had to move.
 */
class ChildSignal implements LinkedSignal, Child {
  aborted = false;
  reason: unknown = undefined;
  timedOut = false;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  linked: Set<Child>[] | undefined = undefined;
  #controller: AbortController | undefined = undefined;
  #listener: ((reason: unknown) => void) | undefined = undefined;

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.#controller?.abort(reason);
    this.#listener?.(reason);
  }

  onAbort(listener: (reason: unknown) => void): void {
    this.#listener = listener;
    if (this.aborted) listener(this.reason);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.linked !== undefined) for (const children of this.linked) children.delete(this);
    this.linked = undefined;
  }
}
