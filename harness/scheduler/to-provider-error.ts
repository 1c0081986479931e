import { ProviderError } from '../core/provider-contract.ts';

/**
 * Classifies what one try threw. The signals decide first: once the run is aborted or the try has
 * timed out, whatever the attempt threw (an SDK abort error, a closed socket) is a consequence of that.
 *
 * @param runSignal - the run-level signal (interrupt): gives `aborted`, not retryable.
 * @param timedOut - whether the try's own timeout fired: gives `timeout`, retryable.
 */
export function toProviderError(
  thrown: unknown,
  runSignal: AbortSignal,
  timedOut: boolean,
  timeoutMs: number,
): ProviderError {
  if (runSignal.aborted) return new ProviderError('aborted', 'The run was aborted', { retryable: false });
  if (timedOut) {
    return new ProviderError('timeout', `The call timed out after ${timeoutMs} ms`, { retryable: true });
  }
  if (thrown instanceof ProviderError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new ProviderError('unknown', message, { retryable: false });
}
