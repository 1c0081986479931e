import { describe, expect, it } from 'vitest';
import { parseDurationMs, parseRateLimitHeaders } from './parse-rate-limit-headers.ts';

describe('parseRateLimitHeaders', () => {
  it("reads OpenAI's x-ratelimit-* headers, resets as durations", () => {
    const headers = new Headers({
      'x-ratelimit-limit-requests': '1200', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '50ms',
      'x-ratelimit-limit-tokens': '60000', 'x-ratelimit-remaining-tokens': '59000', 'x-ratelimit-reset-tokens': '1.5s',
    });
    expect(parseRateLimitHeaders(headers)).toEqual({
      requests: { limit: 1_200, remaining: 0, resetMs: 50 },
      tokens: { limit: 60_000, remaining: 59_000, resetMs: 1_500 },
    });
  });

  it("reads Anthropic's anthropic-ratelimit-* headers, resets as times", () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const headers = new Headers({
      'anthropic-ratelimit-requests-limit': '50', 'anthropic-ratelimit-requests-remaining': '3', 'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:02Z',
    });
    expect(parseRateLimitHeaders(headers, now)).toEqual({ requests: { limit: 50, remaining: 3, resetMs: 2_000 }, tokens: undefined });
  });

  it('says nothing when there are no such headers, or only unreadable ones', () => {
    expect(parseRateLimitHeaders(undefined)).toBeUndefined();
    expect(parseRateLimitHeaders(new Headers({ 'retry-after': '1' }))).toBeUndefined();
    expect(parseRateLimitHeaders(new Headers({ 'x-ratelimit-limit-requests': 'lots' }))).toBeUndefined();
  });

  it('parses every duration form OpenAI writes, and refuses others', () => {
    expect(parseDurationMs('20ms')).toBe(20);
    expect(parseDurationMs('6m0s')).toBe(360_000);
    expect(parseDurationMs('1h2m3.5s')).toBe(3_723_500);
    expect(parseDurationMs('soon')).toBeUndefined();
    expect(parseDurationMs(null)).toBeUndefined();
  });
});
