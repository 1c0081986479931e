/**
 * What `fetch` rejects with when its signal aborts: the signal's reason (a DOMException named
 * `AbortError`, or `TimeoutError` for `AbortSignal.timeout`), as Node's built-in fetch does.
 * The SDKs recognise an abort by that name.
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * The error of a request that got no response (refused, reset, DNS): a `TypeError` whose
 * `cause` is the Node error with its `code`, as fetch throws it; error classification reads the
 * code from the cause.
 */
export function fetchFailed(cause: Error): TypeError {
  return new TypeError('fetch failed', { cause });
}

/** The error of a response body cut off mid-way (the connection dropped), as fetch reports it. */
export function bodyTerminated(cause: Error): TypeError {
  return new TypeError('terminated', { cause });
}
