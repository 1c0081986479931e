import { ProviderError, type Provider, type ProviderRequest } from '../core/provider-contract.ts';
import { callGeminiGenerate } from './call-gemini-generate.ts';
import { classifyHttpStatus } from './classify-http-status.ts';
import { classifyTransportError } from './classify-transport-error.ts';
import { httpConnectionKey, type HttpProviderSettings } from './http-provider-settings.ts';
import { loadOnce } from './load-once.ts';
import { selectProviderFetch } from './select-provider-fetch.ts';
import { parseGoogleRetryDelay } from './parse-retry-after.ts';
import { redactSecret } from './redact-secret.ts';

/** Settings of {@link createGoogleProvider}. */
export interface GoogleProviderSettings extends HttpProviderSettings {
  readonly apiKey: string;
}

/** The SDK module, imported once per process rather than per call (each `import()` is a loader round trip under tsx). */
const loadGoogleSdk = loadOnce(() => import('@google/genai'));

/**
 * A Gemini model through the official `@google/genai` SDK (the Gemini API, never Vertex AI).
 * The harness owns retries, so the SDK's are off.
 */
export function createGoogleProvider(settings: GoogleProviderSettings): Provider {
  const loadClient = loadOnce(async () => {
    const fetch = selectProviderFetch(settings);
    const { GoogleGenAI } = await loadGoogleSdk();
    return new GoogleGenAI({
      apiKey: settings.apiKey,
      // Explicit, so that GOOGLE_GENAI_USE_VERTEXAI in the environment cannot reroute the calls.
      vertexai: false,
      httpOptions: {
        baseUrl: settings.baseURL,
        timeout: settings.timeoutMs,
        retryOptions: { attempts: 1 },
        ...(fetch === undefined ? {} : { fetch }),
      },
    });
  });

  async function generate(request: ProviderRequest) {
    const { ApiError } = await loadGoogleSdk();
    const redact = (text: string) => redactSecret(text, settings.apiKey);
    try {
      return await callGeminiGenerate(await loadClient(), request, settings.stream ?? true);
    } catch (thrown) {
      if (thrown instanceof ProviderError) throw thrown;
      if (thrown instanceof ApiError) {
        // The SDK keeps no headers: the delay comes from the body's RetryInfo, as Gemini sends it.
        const message = redact(googleErrorMessage(thrown.message));
        // Gemini refuses a bad key with 400 INVALID_ARGUMENT; its reason says what it is.
        if (thrown.message.includes('API_KEY_INVALID')) {
          throw new ProviderError('auth', `google ${thrown.status}: ${message} (check the key in ${settings.apiKeyVariable ?? 'the environment'})`, { retryable: false, status: thrown.status });
        }
        throw classifyHttpStatus({ provider: 'google', status: thrown.status, message, retryAfterMs: parseGoogleRetryDelay(thrown.message), apiKeyVariable: settings.apiKeyVariable });
      }
      // The SDK's own timeout aborts the fetch; the harness's signal would have aborted the request too.
      if (thrown instanceof Error && thrown.name === 'AbortError' && !request.signal.aborted) {
        throw new ProviderError('timeout', `google: no response within ${settings.timeoutMs} ms`, { retryable: true });
      }
      throw classifyTransportError('google', thrown, redact);
    }
  }

  return { id: settings.id, connectionKey: httpConnectionKey('google', settings), simulated: settings.simulated ?? false, generate, prepare: async () => void (await loadClient()) };
}

/** The SDK's error message is the whole error body as JSON; the API's own sentence is inside. */
function googleErrorMessage(raw: string): string {
  try {
    const message = (JSON.parse(raw) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' && message !== '' ? message : raw;
  } catch {
    return raw;
  }
}
