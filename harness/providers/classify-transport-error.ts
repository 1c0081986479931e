import { ProviderError } from '../core/provider-contract.ts';

const connectionCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * Classifies what a call threw when there was no HTTP status to go by: timeouts and aborts
 * (`timeout`), dropped or refused connections (`connection`), bodies that are not JSON
 * (`malformed_response`), all retryable; anything else is `unknown` and not retried, since an
 * unexplained failure is more likely a bug than a blip. The caller redacts `message`.
 */
export function classifyTransportError(provider: string, thrown: unknown, redact: (text: string) => string): ProviderError {
  if (thrown instanceof ProviderError) return thrown;
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const detail = redact(describeError(error));
  if (error.name === 'AbortError' || error.name === 'TimeoutError' || /timed? ?out/i.test(error.message)) {
    return new ProviderError('timeout', `${provider}: timed out (${detail})`, { retryable: true });
  }
  if (error instanceof SyntaxError || /JSON|parsing stream chunk/i.test(error.message)) {
    return new ProviderError('malformed_response', `${provider}: the response is not valid JSON (${detail})`, { retryable: true });
  }
  if (isConnectionError(error)) return new ProviderError('connection', `${provider}: the connection failed (${detail})`, { retryable: true });
  return new ProviderError('unknown', `${provider}: ${detail}`, { retryable: false });
}

function isConnectionError(error: Error): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionCodes.has(code)) return true;
    if (/fetch failed|terminated|socket hang up|other side closed|network|connection/i.test(current.message)) return true;
  }
  return false;
}

/** The message with its innermost cause, which is where Node puts the socket error. */
export function describeError(error: Error): string {
  let cause: unknown = error.cause;
  let innermost: Error | undefined;
  for (let depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    innermost = cause;
    cause = cause.cause;
  }
  return innermost === undefined || innermost.message === error.message ? error.message : `${error.message} (${innermost.message})`;
}
