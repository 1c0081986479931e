import type { RetryPolicy } from '../core/models-schema.ts';

/** Hard ceiling on a server's Retry-After: past it, a misbehaving server cannot stall a run. */
export const RETRY_AFTER_CEILING_MS = 300_000;

/**
 * Delay before retry number `retryIndex` (0 for the first retry): exponential backoff with full
 * jitter, `random() * min(max_delay_ms, base_delay_ms * 2 ** retryIndex)`. Full jitter spreads the
 * retries of many callers that failed together instead of sending them back in lockstep.
 *
 * When the server sent Retry-After (`retryAfterMs`), the delay is at least that: the server knows
 * better than our policy, so `max_delay_ms` does not cap it; only {@link RETRY_AFTER_CEILING_MS} does.
 *
 * @param random - uniform in [0, 1); seeded by the caller so runs are reproducible.
 */
export function computeBackoffMs(
  retryIndex: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (!Number.isInteger(retryIndex) || retryIndex < 0) {
    throw new RangeError(`Expected \`retryIndex\` to be an integer ≥ 0, got \`${retryIndex}\``);
  }
  // The exponent is clamped so a zero base never meets an infinite factor (0 * Infinity is NaN).
  const ceiling = Math.min(policy.max_delay_ms, policy.base_delay_ms * 2 ** Math.min(retryIndex, 64));
  const jittered = random() * ceiling;
  if (retryAfterMs === undefined || Number.isNaN(retryAfterMs)) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_CEILING_MS));
}
