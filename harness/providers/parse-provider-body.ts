import type { z } from 'zod';
import { ProviderError } from '../core/provider-contract.ts';

/**
 * Parses a response body or stream event with a lenient schema (only the fields baton reads).
 * A body of the wrong shape is a `malformed_response`, retryable: proxies and overloaded
 * servers sometimes answer 200 with something else.
 */
export function parseProviderBody<T extends z.ZodType>(provider: string, schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') ?? '';
  throw new ProviderError('malformed_response', `${provider}: unexpected response shape${where === '' ? '' : ` at \`${where}\``}`, { retryable: true });
}

/** A stream that ended without its final event: the connection dropped or the server cut it. */
export function incompleteStream(provider: string): ProviderError {
  return new ProviderError('malformed_response', `${provider}: the stream ended before its final event (truncated)`, { retryable: true });
}
