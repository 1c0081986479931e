import type { AdvertisedLimit, AdvertisedRateLimits } from '../core/provider-contract.ts';

/** Settings of {@link createAdaptiveRate}. */
export interface AdaptiveRateOptions {
  /** Configured requests per minute: never exceeded. Absent: learned. */
  rpm?: number | undefined;
  /** Configured tokens per minute: never exceeded. Absent: learned from headers, if any. */
  tpm?: number | undefined;
  /** Clock, ms. */
  now: () => number;
}

/** What a 429 told the limiter. */
export interface RateLimitVerdict {
  /** The server is out of capacity (not a stray 429): the client should keep no burst in hand. */
  readonly exhausted: boolean;
}

/**
 * The request and token rates one connection should be paced at, learned from the server's answers.
 *
 * - **Ceilings**: the configured `rpm`/`tpm`, lowered to what a 429's rate-limit headers advertise
 *   (`x-ratelimit-limit-*`, `anthropic-ratelimit-*-limit`). A model without configured limits is paced
 *   at the advertised ones from its first 429 on.
 * - **AIMD**: on a 429 that shows real congestion, the rates drop to {@link decrease} of what they
 *   were (a share of the ceilings; without a request ceiling, of the request rate the server actually
 *   served over the last seconds); each success then adds back {@link increasePerSecond} of that level
 *   per second of time, up to the ceilings.
 * - **Evidence**: a 429 is congestion when its headers say a limit is (nearly) used up, or, without
 *   such headers, when it is not alone among the last {@link clusterSize} answers. A 429 whose headers
 *   show room left, or a lone one, is a stray (a provider's momentary overload, a simulated fault): it
 *   is honoured by its Retry-After only. A 429 to a call reserved before the last decrease says nothing
 *   about the new rates (the epoch), so the rates drop at most once per round of calls.
 */
export interface AdaptiveRate {
  /** Requests per minute to pace at; `undefined` when unlimited. */
  readonly rpm: number | undefined;
  /** Tokens per minute to pace at; `undefined` when unlimited. */
  readonly tpm: number | undefined;
  /** Counts decreases; a call remembers the epoch it was reserved in. */
  readonly epoch: number;
  /** A call reserved in `epoch` succeeded. Returns true when the rates changed. */
  succeeded(epoch: number): boolean;
  /** A call reserved in `epoch` got a 429, with the limits its headers advertised. */
  rateLimited(epoch: number, advertised: AdvertisedRateLimits | undefined): RateLimitVerdict;
}

/** Multiplicative decrease on congestion. */
export const decrease = 0.8;
/** Additive increase, per second of successes, as a share of the level after the last decrease. */
export const increasePerSecond = 0.05;
/** A 429 is congestion when another one is among this many latest answers of the same epoch. */
export const clusterSize = 20;
/** Headers show exhaustion when what remains is under this share of the limit (at least 1). */
const exhaustedShare = 0.02;
/** Floors, so that a storm of 429s slows a connection down without stopping it. */
const minShare = 0.02;
const minRpm = 1;
/** Window over which the served request rate is measured, ms. */
const observeWindowMs = 5_000;
const observeCapacity = 1_024;

/** Creates an {@link AdaptiveRate}: with configured limits and no 429s it stays at them. */
export function createAdaptiveRate(options: AdaptiveRateOptions): AdaptiveRate {
  const { now } = options;
  let advertisedRpm: number | undefined;
  let advertisedTpm: number | undefined;
  // Share of the ceilings in use, and an absolute request rate for when there is no request ceiling.
  let share = 1;
  let estimate: number | undefined;
  let estimateBase = 0;
  let lastIncreaseAt = 0;
  let epoch = 0;
  // Latest answers of the current epoch: 1 for a 429.
  const recent = new Uint8Array(clusterSize);
  let recentNext = 0;
  let recentLimited = 0;
  // Success times, to measure the rate the server really served.
  const served = new Float64Array(observeCapacity);
  let servedCount = 0;

  const ceilingRpm = (): number | undefined => minDefined(options.rpm, advertisedRpm);
  const ceilingTpm = (): number | undefined => minDefined(options.tpm, advertisedTpm);
  const adapting = (): boolean => share < 1 || estimate !== undefined;

  const remember = (limited: boolean): void => {
    recentLimited += (limited ? 1 : 0) - (recent[recentNext] ?? 0);
    recent[recentNext] = limited ? 1 : 0;
    recentNext = (recentNext + 1) % clusterSize;
  };
  const startEpoch = (): void => {
    epoch += 1;
    recent.fill(0);
    recentLimited = 0;
    lastIncreaseAt = now();
  };
  const observedRpm = (): number | undefined => {
    const at = now();
    let count = 0;
    let oldest = at;
    for (let back = 1; back <= Math.min(servedCount, observeCapacity); back += 1) {
      const time = served[(servedCount - back) % observeCapacity] ?? at;
      if (at - time > observeWindowMs) break;
      count += 1;
      oldest = time;
    }
    return count === 0 ? undefined : (count * 60_000) / Math.max(1_000, at - oldest);
  };
  const learn = (advertised: AdvertisedRateLimits | undefined): boolean => {
    const before = [ceilingRpm(), ceilingTpm()];
    advertisedRpm = positive(advertised?.requests?.limit) ?? advertisedRpm;
    advertisedTpm = positive(advertised?.tokens?.limit) ?? advertisedTpm;
    const lowered = lower(ceilingRpm(), before[0]) || lower(ceilingTpm(), before[1]);
    // A request ceiling replaces the estimate that stood in for it.
    if (ceilingRpm() !== undefined) estimate = undefined;
    return lowered;
  };

  return {
    get rpm() {
      const ceiling = ceilingRpm();
      return ceiling === undefined ? estimate : ceiling * share;
    },
    get tpm() {
      const ceiling = ceilingTpm();
      return ceiling === undefined ? undefined : ceiling * share;
    },
    get epoch() {
      return epoch;
    },
    succeeded(callEpoch) {
      if (ceilingRpm() === undefined) {
        served[servedCount % observeCapacity] = now();
        servedCount += 1;
      }
      if (callEpoch === epoch) remember(false);
      if (!adapting()) return false;
      const at = now();
      const seconds = Math.min(1_000, Math.max(0, at - lastIncreaseAt)) / 1_000;
      lastIncreaseAt = at;
      if (seconds === 0) return false;
      share = Math.min(1, share + increasePerSecond * seconds);
      if (estimate !== undefined) estimate += increasePerSecond * estimateBase * seconds;
      return true;
    },
    rateLimited(callEpoch, advertised) {
      const exhausted = exhaustion(advertised);
      if (learn(advertised)) {
        startEpoch();
        return { exhausted: exhausted ?? true };
      }
      // Reserved before the last decrease: it was paced at rates that no longer apply.
      if (callEpoch !== epoch) return { exhausted: exhausted ?? false };
      remember(true);
      const congested = exhausted ?? recentLimited >= 2;
      if (!congested) return { exhausted: false };
      share = Math.max(minShare, share * decrease);
      if (ceilingRpm() === undefined) {
        const level = minDefined(estimate, observedRpm());
        if (level !== undefined) {
          estimate = Math.max(minRpm, level * decrease);
          estimateBase = estimate;
        }
      }
      startEpoch();
      return { exhausted: true };
    },
  };
}

/** Whether a 429's headers say a limit is used up; `undefined` when they say nothing about what remains. */
function exhaustion(advertised: AdvertisedRateLimits | undefined): boolean | undefined {
  const limits = [advertised?.requests, advertised?.tokens].filter((limit): limit is AdvertisedLimit => limit?.remaining !== undefined);
  if (limits.length === 0) return undefined;
  return limits.some((limit) => (limit.remaining ?? 0) < Math.max(1, exhaustedShare * (limit.limit ?? 0)));
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function lower(after: number | undefined, before: number | undefined): boolean {
  return after !== undefined && (before === undefined || after < before);
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}
