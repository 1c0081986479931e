import type { ProviderError } from '../core/provider-contract.ts';
import type { RetryPolicy } from '../core/models-schema.ts';
import { computeBackoffMs } from './backoff.ts';
import type { ConnectionLane } from './connection-lane.ts';
import { createLinkedSignal, type LinkedSignal } from './linked-signal.ts';
import { sleep as realSleep } from './sleep.ts';
import { toProviderError } from './to-provider-error.ts';

/** The abort signal of one try, created when first read (see {@link LinkedSignal}). */
export interface TrySignal {
  readonly signal: AbortSignal;
}

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
  /** Clock for the rate-limit wait cap, ms. Default `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * One try. Must honour `trySignal.signal`, which combines the run signal and the try's timeout.
   * It is created on first read: hand on `trySignal` itself where the signal may go unread (as
   * `TryRequest` does), and a try that never reads it costs no `AbortSignal`.
   */
  attempt: (trySignal: TrySignal, tryIndex: number) => Promise<TryOutcome<T>>;
}

/** How long an attempt may keep retrying 429s without spending retries, when the policy does not say. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 600_000;

/**
 * Calls `attempt` through `lane`, retrying retryable failures up to `policy.max_retries` times with
 * {@link computeBackoffMs}. Failures come back as data, never as a rejection.
 *
 * A 429 (`rate_limited`) is expected, not a fault: it spends none of `max_retries` until the attempt
 * has been rate-limited for `policy.rate_limit_wait_ms` (default {@link DEFAULT_RATE_LIMIT_WAIT_MS},
 * counted from its first 429); after that a 429 counts like any failure, so a run cannot hang. The
 * lane itself learns from the 429 (pause for Retry-After, slower pacing): the server's limit is per
 * connection, not per call. `retries` counts every try after the first, 429s included.
 *
 * Backoff happens outside the lane, so a waiting retry holds no concurrency slot.
 * If an attempt ignores its signal, the try still ends at its timeout and frees its slot; the
 * abandoned promise may then outlive the concurrency limit, the lesser evil next to a hung run.
 */
export async function callWithRetries<T>(args: CallWithRetriesArgs<T>): Promise<RetryResult<T>> {
  const { lane, estimatedTokens, policy, timeoutMs, signal, random, attempt } = args;
  const sleep = args.sleep ?? realSleep;
  const now = args.now ?? Date.now;
  const rateLimitWaitMs = policy.rate_limit_wait_ms ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  // Retries charged to max_retries, and 429s retried free of it since the first one.
  let faults = 0;
  let rateLimits = 0;
  let firstRateLimitAt: number | undefined;
  for (let retries = 0; ; retries += 1) {
    let trySignal: LinkedSignal | undefined;
    let error: ProviderError;
    try {
      const outcome = await lane.run(
        estimatedTokens,
        () => {
          // The timeout starts with the try, so time spent queued in the lane does not count.
          const linked = createLinkedSignal([signal], timeoutMs);
          trySignal = linked;
          return raceAbort(attempt(linked, retries), linked);
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
    if (!error.retryable || signal.aborted) return { ok: false, error, retries };
    let free = false;
    if (error.code === 'rate_limited') {
      const at = now();
      firstRateLimitAt ??= at;
      free = at - firstRateLimitAt < rateLimitWaitMs;
    }
    if (!free && faults >= policy.max_retries) return { ok: false, error, retries };
    const backoffIndex = free ? rateLimits++ : faults++;
    try {
      await sleep(computeBackoffMs(backoffIndex, policy, random, error.retryAfterMs), signal);
    } catch (thrown) {
      return { ok: false, error: toProviderError(thrown, signal, false, timeoutMs), retries };
    }
  }
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts. The linked
 * signal's own hook, not an `abort` listener and a `Promise.race`: this runs once per call.
 */
function raceAbort<T>(promise: Promise<T>, linked: LinkedSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Rejects with the reason itself, whatever its type, as `throwIfAborted` would.
    linked.onAbort(reject);
    promise.then(resolve, reject);
  });
}
