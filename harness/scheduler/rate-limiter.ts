import type { AdvertisedRateLimits } from '../core/provider-contract.ts';
import { createAdaptiveRate } from './adaptive-rate.ts';
import { RETRY_AFTER_CEILING_MS } from './backoff.ts';
import { createGcraBucket, type GcraBucket } from './gcra-bucket.ts';
import { sleep as realSleep } from './sleep.ts';

/** Settings of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests per minute; never exceeded. When absent, learned from the server's 429s (unlimited until then). */
  rpm?: number | undefined;
  /** Tokens (input + output) per minute; never exceeded. When absent, learned from rate-limit headers. */
  tpm?: number | undefined;
  /** Clock, epoch ms (it must agree with the times given to `pauseUntil`). Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Abortable wait. Default: a `setTimeout` sleep. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * Client-side request and token rate limits for one connection, as two GCRA buckets whose rates
 * adapt to the server's answers ({@link createAdaptiveRate}).
 *
 * Requests are paced at rpm/60 per second with a burst of one second's worth (at least one request),
 * so in any 60 s window at most `rpm + max(1, rpm / 60)` requests start (`rpm + rpm / 60` once
 * rpm ≥ 60). Tokens are paced the same way at tpm/60 per second with a burst of one second's worth;
 * a single request above the burst is still admitted once the bucket is full, and later requests wait
 * for it to drain: it never deadlocks. Reservations complete in the order they were made.
 *
 * The configured rpm and tpm are ceilings. Without them the limiter starts unlimited and paces from
 * the first 429 on, at the limits the 429's headers advertise or, without headers, by AIMD.
 */
export interface RateLimiter {
  /**
   * Reserves one request and `estimatedTokens` tokens, waiting until they conform and any pause is
   * over. If `signal` aborts while waiting, rejects with its reason; the reservation is kept (the
   * limiter stays conservative rather than guessing whether the call went out). Resolves with a
   * ticket to give back to {@link succeeded} or {@link rateLimited} when the call's answer is known.
   */
  acquire(estimatedTokens: number, signal?: AbortSignal): Promise<number>;
  /** Charges the difference once real usage is known: a refund when `actualTokens` is smaller. */
  settle(estimatedTokens: number, actualTokens: number): void;
  /**
   * No acquire completes before `epochMs` (a 429's Retry-After). Successive pauses keep the latest.
   * The schedule is frozen rather than just gated: reservations already made move later by the
   * pause's length, so they do not all start at once when it ends.
   */
  pauseUntil(epochMs: number): void;
  /** The call that `acquire` resolved with `ticket` for succeeded: the rates may creep back up. */
  succeeded(ticket: number): void;
  /**
   * The call got a 429: pauses for `retryAfterMs` (capped at {@link RETRY_AFTER_CEILING_MS}), adopts
   * the limits `advertised` by its headers, lowers the rates on congestion, and then keeps no burst.
   */
  rateLimited(ticket: number, retryAfterMs: number | undefined, advertised: AdvertisedRateLimits | undefined): void;
}

/** Creates a {@link RateLimiter}; without rpm and tpm it runs unlimited until the server says otherwise. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const adaptive = createAdaptiveRate({
    rpm: options.rpm === undefined ? undefined : checkRate('rpm', options.rpm),
    tpm: options.tpm === undefined ? undefined : checkRate('tpm', options.tpm),
    now,
  });
  let requestRate = adaptive.rpm;
  let tokenRate = adaptive.tpm;
  let requests = requestRate === undefined ? undefined : createGcraBucket(requestRate);
  let tokens = tokenRate === undefined ? undefined : createGcraBucket(tokenRate);
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
  // Brings the buckets to the adaptive rates; a bucket created mid-run starts full.
  const applyRates = (): void => {
    if (adaptive.rpm !== requestRate) {
      requestRate = adaptive.rpm;
      requests = retune(requests, requestRate);
    }
    if (adaptive.tpm !== tokenRate) {
      tokenRate = adaptive.tpm;
      tokens = retune(tokens, tokenRate);
    }
  };
  const pauseUntil = (epochMs: number): void => {
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
  };

  return {
    async acquire(estimatedTokens, signal) {
      checkTokens('estimatedTokens', estimatedTokens);
      signal?.throwIfAborted();
      const ticket = adaptive.epoch;
      const start = reserve(estimatedTokens);
      const shiftedAtReserve = shifted;
      for (;;) {
        const remaining = Math.max(start + shifted - shiftedAtReserve, pausedUntil) - now();
        if (remaining <= 0) return ticket;
        // Re-check after waking: a pause may have moved this start while we slept.
        await sleep(remaining, signal);
      }
    },
    settle(estimatedTokens, actualTokens) {
      checkTokens('estimatedTokens', estimatedTokens);
      checkTokens('actualTokens', actualTokens);
      tokens?.adjust(actualTokens - estimatedTokens);
    },
    pauseUntil,
    succeeded(ticket) {
      if (adaptive.succeeded(ticket)) applyRates();
    },
    rateLimited(ticket, retryAfterMs, advertised) {
      const { exhausted } = adaptive.rateLimited(ticket, advertised);
      applyRates();
      const at = now();
      if (exhausted) {
        // The server has no burst left for us: neither should the client think it has.
        requests?.drain(at);
        tokens?.drain(at);
      }
      if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
        pauseUntil(at + Math.min(Math.max(0, retryAfterMs), RETRY_AFTER_CEILING_MS));
      }
    },
  };
}

/** A bucket at `perMinute`: the same one retuned, a new one (full), or none for unlimited. */
function retune(bucket: GcraBucket | undefined, perMinute: number | undefined): GcraBucket | undefined {
  if (perMinute === undefined) return undefined;
  if (bucket === undefined) return createGcraBucket(perMinute);
  bucket.setRate(perMinute);
  return bucket;
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
