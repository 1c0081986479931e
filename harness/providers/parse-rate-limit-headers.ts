import type { AdvertisedLimit, AdvertisedRateLimits } from '../core/provider-contract.ts';
import type { HeaderReader } from './parse-retry-after.ts';

/**
 * The request and token limits in a response's headers: OpenAI's `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 * (reset as a duration such as `20ms`, `1.5s`, `6m0s`) or Anthropic's
 * `anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}` (reset as an RFC 3339 time).
 * `undefined` when neither family is there.
 */
export function parseRateLimitHeaders(headers: HeaderReader | undefined, now: number = Date.now()): AdvertisedRateLimits | undefined {
  if (headers === undefined) return undefined;
  const read = (kind: 'requests' | 'tokens'): AdvertisedLimit | undefined => {
    const openai = limitOf(headers.get(`x-ratelimit-limit-${kind}`), headers.get(`x-ratelimit-remaining-${kind}`), parseDurationMs(headers.get(`x-ratelimit-reset-${kind}`)));
    if (openai !== undefined) return openai;
    const prefix = `anthropic-ratelimit-${kind}`;
    return limitOf(headers.get(`${prefix}-limit`), headers.get(`${prefix}-remaining`), parseResetTimeMs(headers.get(`${prefix}-reset`), now));
  };
  const requests = read('requests');
  const tokens = read('tokens');
  return requests === undefined && tokens === undefined ? undefined : { requests, tokens };
}

function limitOf(limit: string | null, remaining: string | null, resetMs: number | undefined): AdvertisedLimit | undefined {
  const parsed = { limit: parseCount(limit), remaining: parseCount(remaining), resetMs };
  return parsed.limit === undefined && parsed.remaining === undefined ? undefined : parsed;
}

function parseCount(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number.parseFloat(value);
}

/** OpenAI's reset durations: `20ms`, `1.5s`, `6m0s`, `1h2m3s`. */
export function parseDurationMs(value: string | null): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text;
  while (rest !== '') {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    const unit = match?.[2] === undefined ? undefined : units[match[2]];
    if (match?.[1] === undefined || unit === undefined) return undefined;
    total += Number.parseFloat(match[1]) * unit;
    rest = rest.slice(match[0].length);
  }
  return total;
}

function parseResetTimeMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
