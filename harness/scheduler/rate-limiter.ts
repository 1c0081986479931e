import { createGcraBucket } from './gcra-bucket.ts';
import { sleep as realSleep } from './sleep.ts';

/** Settings of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests per minute; unlimited when absent. */
  rpm?: number | undefined;
  /** Tokens (input + output) per minute; unlimited when absent. */
  tpm?: number | undefined;
  /** Clock, epoch ms (it must agree with the times given to `pauseUntil`). Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Abortable wait. Default: a `setTimeout` sleep. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * Client-side request and token rate limits for one connection, as two GCRA buckets.
 *
 * Requests are paced at rpm/60 per second with a burst of one second's worth (at least one request),
 * so in any 60 s window at most `rpm + max(1, rpm / 60)` requests start (`rpm + rpm / 60` once
 * rpm ≥ 60). Tokens are paced the same way at tpm/60 per second with a burst of one second's worth;
 * a single request above the burst is still admitted once the bucket is full, and later requests wait
 * for it to drain: it never deadlocks. Reservations complete in the order they were made.
 */
export interface RateLimiter {
  /**
   * Reserves one request and `estimatedTokens` tokens, waiting until they conform and any pause is
   * over. If `signal` aborts while waiting, rejects with its reason; the reservation is kept (the
   * limiter stays conservative rather than guessing whether the call went out).
   */
  acquire(estimatedTokens: number, signal?: AbortSignal): Promise<void>;
  /** Charges the difference once real usage is known: a refund when `actualTokens` is smaller. */
  settle(estimatedTokens: number, actualTokens: number): void;
  /**
   * No acquire completes before `epochMs` (a 429's Retry-After). Successive pauses keep the latest.
   * The schedule is frozen rather than just gated: reservations already made move later by the
   * pause's length, so they do not all start at once when it ends.
   */
  pauseUntil(epochMs: number): void;
}

/** Creates a {@link RateLimiter}; without rpm and tpm it only honours pauses. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const requests = options.rpm === undefined ? undefined : createGcraBucket(checkRate('rpm', options.rpm));
  const tokens = options.tpm === undefined ? undefined : createGcraBucket(checkRate('tpm', options.tpm));
  let pausedUntil = Number.NEGATIVE_INFINITY;
  // Never start before an earlier reservation, even when a refund would allow it: keeps FIFO.
  let lastStart = Number.NEGATIVE_INFINITY;
  // Total ms the schedule has been pushed back by pauses; waiters add what accrued since they reserved.
  let shifted = 0;

  const reserve = (estimatedTokens: number): number => {
    const earliest = Math.max(now(), pausedUntil, lastStart);
    const start = Math.max(
      requests?.earliestStart(earliest, 1) ?? earliest,
      tokens?.earliestStart(earliest, estimatedTokens) ?? earliest,
    );
    requests?.commit(start, 1);
    tokens?.commit(start, estimatedTokens);
    lastStart = start;
    return start;
  };

  return {
    async acquire(estimatedTokens, signal) {
      checkTokens('estimatedTokens', estimatedTokens);
      signal?.throwIfAborted();
      const start = reserve(estimatedTokens);
      const shiftedAtReserve = shifted;
      for (;;) {
        const remaining = Math.max(start + shifted - shiftedAtReserve, pausedUntil) - now();
        if (remaining <= 0) return;
        // Re-check after waking: a pause may have moved this start while we slept.
        await sleep(remaining, signal);
      }
    },
    settle(estimatedTokens, actualTokens) {
      checkTokens('estimatedTokens', estimatedTokens);
      checkTokens('actualTokens', actualTokens);
      tokens?.adjust(actualTokens - estimatedTokens);
    },
    pauseUntil(epochMs) {
      if (!Number.isFinite(epochMs)) {
        throw new RangeError(`Expected \`epochMs\` to be a finite number, got \`${epochMs}\``);
      }
      const at = now();
      const delta = epochMs - Math.max(pausedUntil, at);
      if (delta <= 0) return;
      pausedUntil = epochMs;
      shifted += delta;
      lastStart = Math.max(lastStart, at) + delta;
      requests?.shift(at, delta);
      tokens?.shift(at, delta);
    },
  };
}

function checkRate(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`Expected \`${name}\` to be a finite number > 0, got \`${value}\``);
  }
  return value;
}

function checkTokens(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`Expected \`${name}\` to be a finite number ≥ 0, got \`${value}\``);
  }
}
