import type { Limits } from '../core/models-schema.ts';
import { createGcraBucket, type GcraBucket } from '../scheduler/gcra-bucket.ts';

/** One limit's state, as rate-limit headers report it. */
export interface LimitState {
  readonly limit: number;
  readonly remaining: number;
  /** Ms until the limit is full again. */
  readonly resetMs: number;
}

/** A model's limits after a request: admitted or not, and the state for the headers. */
export interface LimitCheck {
  /** 0 when admitted; else how long to wait, ms (the Retry-After). */
  readonly retryAfterMs: number;
  readonly requests: LimitState | undefined;
  readonly tokens: LimitState | undefined;
}

/** The server side of a model's rpm and tpm, paced like baton's own client limiter (GCRA). */
export interface ServerRateLimiter {
  /** Admits a request of `tokens` (prompt + max output) at `now`, or says how long to wait. */
  admit(tokens: number, now: number): LimitCheck;
  /** Corrects the token charge once the real usage is known. */
  settle(charged: number, actual: number): void;
}

/**
 * Servers tolerate bursts of a few seconds' worth: a client pacing at exactly the limit sees its
 * requests arrive with network jitter, and a provider does not answer every early one with a 429.
 */
const serverBurstMs = 3_000;

/** A limiter for one model's `limits`; without rpm and tpm it admits everything. */
export function createServerRateLimiter(limits: Pick<Limits, 'rpm' | 'tpm'>): ServerRateLimiter {
  const requests = limits.rpm === undefined ? undefined : { bucket: createGcraBucket(limits.rpm, serverBurstMs), limit: limits.rpm };
  const tokens = limits.tpm === undefined ? undefined : { bucket: createGcraBucket(limits.tpm, serverBurstMs), limit: limits.tpm };
  const state = (entry: { bucket: GcraBucket; limit: number } | undefined, now: number): LimitState | undefined =>
    entry === undefined ? undefined : { limit: entry.limit, remaining: entry.bucket.available(now), resetMs: entry.bucket.fullAt(now) - now };
  return {
    admit(cost, now) {
      const start = Math.max(requests?.bucket.earliestStart(now, 1) ?? now, tokens?.bucket.earliestStart(now, cost) ?? now);
      if (start <= now) {
        requests?.bucket.commit(now, 1);
        tokens?.bucket.commit(now, cost);
      }
      return { retryAfterMs: Math.max(0, start - now), requests: state(requests, now), tokens: state(tokens, now) };
    },
    settle(charged, actual) {
      tokens?.bucket.adjust(actual - charged);
    },
  };
}
