import PQueue from 'p-queue';
import { createRateLimiter } from './rate-limiter.ts';
import type { RateLimiterOptions } from './rate-limiter.ts';
import { createLinkedSignal } from './linked-signal.ts';

/** Limits of one lane; the shape of the config's `limits` block. */
export interface ConnectionLaneLimits {
  /** Calls in flight at once (integer ≥ 1). */
  concurrency: number;
  /** Requests per minute; unlimited when absent. */
  rpm?: number | undefined;
  /** Tokens per minute; unlimited when absent. */
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
  /** Holds back every call on this connection until `epochMs` (a 429's Retry-After). */
  pauseUntil(epochMs: number): void;
  /** Calls whose `fn` is running. */
  readonly inFlight: number;
  /** Calls whose `fn` has not started yet: queued for a slot or waiting on the rate limiter. */
  readonly waiting: number;
  /** Resolves when nothing is queued or running. */
  onIdle(): Promise<void>;
}

/** Creates a {@link ConnectionLane} for `key` with a p-queue for concurrency and a rate limiter. */
export function createConnectionLane(
  key: string,
  limits: ConnectionLaneLimits,
  options: ConnectionLaneOptions = {},
): ConnectionLane {
  if (!Number.isInteger(limits.concurrency) || limits.concurrency < 1) {
    throw new RangeError(`Expected \`concurrency\` to be an integer ≥ 1, got \`${limits.concurrency}\``);
  }
  const queue = new PQueue({ concurrency: limits.concurrency });
  const limiter = createRateLimiter({ rpm: limits.rpm, tpm: limits.tpm, now: options.now, sleep: options.sleep });
  let inFlight = 0;
  let waiting = 0;

  const run = async <T>(estimatedTokens: number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    signal?.throwIfAborted();
    waiting += 1;
    let started = false;
    // p-queue races a *running* task against its signal and frees the slot while the task goes on,
    // which would break the concurrency limit. So p-queue gets a signal that aborts only while queued.
    const queued = new AbortController();
    // Linked to the caller's signal only while this call is queued or running, then released.
    const linked = createLinkedSignal([signal]);
    const local = signal === undefined ? undefined : linked.signal;
    const cancelQueued = (): void => queued.abort(local?.reason);
    local?.addEventListener('abort', cancelQueued, { once: true });
    try {
      return await queue.add(
        async () => {
          local?.removeEventListener('abort', cancelQueued);
          await limiter.acquire(estimatedTokens, local);
          started = true;
          waiting -= 1;
          inFlight += 1;
          try {
            return await fn();
          } finally {
            inFlight -= 1;
          }
        },
        { signal: queued.signal },
      );
    } finally {
      local?.removeEventListener('abort', cancelQueued);
      linked.dispose();
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
    onIdle: () => queue.onIdle(),
  };
}
