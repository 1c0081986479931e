import type { ProviderError } from '../core/provider-contract.ts';
import type { RetryPolicy } from '../core/models-schema.ts';
import { computeBackoffMs, RETRY_AFTER_CEILING_MS } from './backoff.ts';
import type { ConnectionLane } from './connection-lane.ts';
import { createLinkedSignal, type LinkedSignal } from './linked-signal.ts';
import { sleep as realSleep } from './sleep.ts';
import { toProviderError } from './to-provider-error.ts';

/** What one successful try returns. */
export interface TryOutcome<T> {
  value: T;
  /** Tokens the call really used (input + output), or `null` when the API did not say. */
  actualTokens: number | null;
}

/** The end of a call: a value, or the last error. `retries` counts tries after the first. */
export type RetryResult<T> =
  | { ok: true; value: T; retries: number }
  | { ok: false; error: ProviderError; retries: number };

/** Arguments of {@link callWithRetries}. */
export interface CallWithRetriesArgs<T> {
  /** The connection the call goes through; each try takes a slot and a rate reservation. */
  lane: ConnectionLane;
  /** Tokens reserved per try; corrected with the real count after a success. */
  estimatedTokens: number;
  policy: RetryPolicy;
  /** Per-try timeout, ms, counted from when the try starts (not while it waits in the lane). */
  timeoutMs: number;
  /** Run-level abort (interrupt): stops the call and any retry. */
  signal: AbortSignal;
  /** Uniform in [0, 1), seeded, for backoff jitter. */
  random: () => number;
  /** Abortable wait between tries. Default: a `setTimeout` sleep. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** One try. Must honour `signal`, which combines the run signal and the try's timeout. */
  attempt: (signal: AbortSignal, tryIndex: number) => Promise<TryOutcome<T>>;
}

/**
 * Calls `attempt` through `lane`, retrying retryable failures up to `policy.max_retries` times with
 * {@link computeBackoffMs}. Failures come back as data, never as a rejection.
 *
 * Backoff happens outside the lane, so a waiting retry holds no concurrency slot. A `rate_limited`
 * error with Retry-After pauses the whole lane: the server's limit is per connection, not per call.
 * If an attempt ignores its signal, the try still ends at its timeout and frees its slot; the
 * abandoned promise may then outlive the concurrency limit, the lesser evil next to a hung run.
 */
export async function callWithRetries<T>(args: CallWithRetriesArgs<T>): Promise<RetryResult<T>> {
  const { lane, estimatedTokens, policy, timeoutMs, signal, random, attempt } = args;
  const sleep = args.sleep ?? realSleep;
  for (let retries = 0; ; retries += 1) {
    let trySignal: LinkedSignal | undefined;
    let error: ProviderError;
    try {
      const outcome = await lane.run(
        estimatedTokens,
        () => {
          // The timeout starts with the try, so time spent queued in the lane does not count.
          trySignal = createLinkedSignal([signal], timeoutMs);
          return raceAbort(attempt(trySignal.signal, retries), trySignal.signal);
        },
        signal,
      );
      lane.settle(estimatedTokens, outcome.actualTokens ?? estimatedTokens);
      return { ok: true, value: outcome.value, retries };
    } catch (thrown) {
      error = toProviderError(thrown, signal, trySignal?.timedOut ?? false, timeoutMs);
    } finally {
      trySignal?.dispose();
    }
    if (!error.retryable || retries >= policy.max_retries || signal.aborted) return { ok: false, error, retries };
    if (error.code === 'rate_limited' && error.retryAfterMs !== undefined) {
      lane.pauseUntil(Date.now() + Math.min(Math.max(0, error.retryAfterMs), RETRY_AFTER_CEILING_MS));
    }
    try {
      await sleep(computeBackoffMs(retries, policy, random, error.retryAfterMs), signal);
    } catch (thrown) {
      return { ok: false, error: toProviderError(thrown, signal, false, timeoutMs), retries };
    }
  }
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
async function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = Symbol('aborted');
  let onAbort = (): void => undefined;
  const abortedFirst = new Promise<typeof aborted>((resolve) => {
    onAbort = () => resolve(aborted);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const winner = await Promise.race([promise, abortedFirst]);
    if (winner !== aborted) return winner;
    // `throwIfAborted` rejects with the reason itself, whatever its type.
    signal.throwIfAborted();
    throw new Error('unreachable: the signal has aborted');
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
