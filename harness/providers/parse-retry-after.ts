/** Headers as every SDK exposes them. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * How long the server asked us to wait, ms: `retry-after-ms` (OpenAI, Anthropic), else
 * `retry-after` in seconds or as an HTTP date. `undefined` when the server said nothing usable.
 */
export function parseRetryAfter(headers: HeaderReader | undefined, now: number = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers?.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Gemini's `RetryInfo.retryDelay` (e.g. `"17s"`, `"0.5s"`) from an error body, in ms. */
export function parseGoogleRetryDelay(body: string): number | undefined {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(body);
  return match?.[1] === undefined ? undefined : Number.parseFloat(match[1]) * 1000;
}
