import { ProviderError } from '../core/provider-contract.ts';
import { createRateLimiter } from './rate-limiter.ts';
import type { RateLimiterOptions } from './rate-limiter.ts';
import { createSlotQueue } from './slot-queue.ts';

/** Limits of one lane; the shape of the config's `limits` block. */
export interface ConnectionLaneLimits {
  /** Calls in flight at once (integer ≥ 1). */
  concurrency: number;
  /** Requests per minute; when absent, unlimited until a 429 teaches the lane a rate. */
  rpm?: number | undefined;
  /** Tokens per minute; when absent, unlimited until a 429's headers advertise one. */
  tpm?: number | undefined;
}

/** Clock and wait, injectable for deterministic tests. */
export type ConnectionLaneOptions = Pick<RateLimiterOptions, 'now' | 'sleep'>;

/**
 * Everything sent on one connection key (provider account + model) goes through one lane, so its
 * concurrency and rate limits hold however many tasks target it.
 */
export interface ConnectionLane {
  /** The connection key the limits apply to. */
  readonly key: string;
  /**
   * Waits for a concurrency slot (FIFO), then for the rate limiter, then runs `fn`. The slot is held
   * while acquiring and while `fn` runs, and released as soon as `fn` settles. If `signal` aborts
   * before `fn` starts, rejects with its reason; once `fn` runs, aborting it is `fn`'s business
   * (the slot stays taken until `fn` settles, so the concurrency limit holds).
   */
  run<T>(estimatedTokens: number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Corrects the token bucket once real usage is known. */
  settle(estimatedTokens: number, actualTokens: number): void;
  /**
   * Holds back every call on this connection until `epochMs`. A `rate_limited` {@link ProviderError}
   * thrown by `fn` already pauses the lane for its Retry-After and adapts its rates.
   */
  pauseUntil(epochMs: number): void;
  /** Calls whose `fn` is running. */
  readonly inFlight: number;
  /** Calls whose `fn` has not started yet: queued for a slot or waiting on the rate limiter. */
  readonly waiting: number;
  /** Resolves when nothing is queued or running. */
  onIdle(): Promise<void>;
}

/** Creates a {@link ConnectionLane} for `key` with FIFO concurrency slots and a rate limiter. */
export function createConnectionLane(
  key: string,
  limits: ConnectionLaneLimits,
  options: ConnectionLaneOptions = {},
): ConnectionLane {
  if (!Number.isInteger(limits.concurrency) || limits.concurrency < 1) {
    throw new RangeError(`Expected \`concurrency\` to be an integer ≥ 1, got \`${limits.concurrency}\``);
  }
  const slots = createSlotQueue(limits.concurrency);
  const limiter = createRateLimiter({ rpm: limits.rpm, tpm: limits.tpm, now: options.now, sleep: options.sleep });
  let inFlight = 0;
  let waiting = 0;

  const run = async <T>(estimatedTokens: number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    signal?.throwIfAborted();
    waiting += 1;
    let started = false;
    let holding = false;
    try {
      // A free slot is taken without a promise; a queued call leaves the queue if `signal` aborts.
      if (!slots.tryTake()) await slots.take(signal);
      holding = true;
      const ticket = await limiter.acquire(estimatedTokens, signal);
      started = true;
      waiting -= 1;
      inFlight += 1;
      try {
        const value = await fn();
        limiter.succeeded(ticket);
        return value;
      } catch (error) {
        // The connection learns its limits from what its calls hear back (see createAdaptiveRate).
        if (error instanceof ProviderError && error.code === 'rate_limited') limiter.rateLimited(ticket, error.retryAfterMs, error.rateLimits);
        throw error;
      } finally {
        inFlight -= 1;
      }
    } finally {
      if (holding) slots.release();
      if (!started) waiting -= 1;
    }
  };

  return {
    key,
    run,
    settle: (estimatedTokens, actualTokens) => limiter.settle(estimatedTokens, actualTokens),
    pauseUntil: (epochMs) => limiter.pauseUntil(epochMs),
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return waiting;
    },
    onIdle: () => slots.onIdle(),
  };
}
