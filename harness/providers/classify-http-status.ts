import { ProviderError, type AdvertisedRateLimits, type ProviderErrorCode } from '../core/provider-contract.ts';

/** What the adapter knows about an HTTP error response. */
export interface HttpFailure {
  /** Provider label for messages, e.g. `openai`. */
  readonly provider: string;
  readonly status: number;
  /** The provider's message, already redacted. */
  readonly message: string;
  /** From Retry-After or the provider's equivalent. */
  readonly retryAfterMs: number | undefined;
  /** The environment variable the key came from, named on auth failures. */
  readonly apiKeyVariable?: string | undefined;
  /** The limits the response's rate-limit headers advertised; kept on 429s only. */
  readonly rateLimits?: AdvertisedRateLimits | undefined;
}

/**
 * Classifies an HTTP error status. Retryable: 429 (rate limited), 408 (request timeout), 409
 * (a conflict on the provider's side, transient) and every 5xx (529 overloaded included). Not
 * retryable: 400 and other 4xx (the request itself is wrong), 401 and 403 (the key), 404 (the
 * model or URL): trying again cannot change the answer.
 */
export function classifyHttpStatus(failure: HttpFailure): ProviderError {
  const { provider, status, retryAfterMs } = failure;
  const [code, retryable, hint] = classify(status, failure.apiKeyVariable);
  const message = `${provider} ${status}: ${failure.message}${hint}`;
  const rateLimits = code === 'rate_limited' ? failure.rateLimits : undefined;
  return new ProviderError(code, message, { retryable, status, retryAfterMs: retryable ? retryAfterMs : undefined, rateLimits });
}

function classify(status: number, keyVariable: string | undefined): [ProviderErrorCode, boolean, string] {
  if (status === 429) return ['rate_limited', true, ''];
  if (status === 408) return ['timeout', true, ''];
  if (status === 409 || status >= 500) return ['server_error', true, ''];
  const key = keyVariable === undefined ? 'the API key' : `the key in ${keyVariable}`;
  if (status === 401) return ['auth', false, ` (check ${key})`];
  if (status === 403) return ['auth', false, ` (${key} lacks access to this model or endpoint)`];
  if (status === 404) return ['not_found', false, ' (check the model name and base_url)'];
  return ['bad_request', false, ''];
}
