import type { Provider, ProviderRequest } from '../core/provider-contract.ts';
import { callAnthropicMessages } from './call-anthropic-messages.ts';
import { classifyStainlessError } from './classify-stainless-error.ts';
import { httpConnectionKey, type HttpProviderSettings } from './http-provider-settings.ts';
import { loadOnce } from './load-once.ts';
import { selectProviderFetch } from './select-provider-fetch.ts';

/** Settings of {@link createAnthropicProvider}. */
export interface AnthropicProviderSettings extends HttpProviderSettings {
  readonly apiKey: string;
  /** Mark the system prompt for prompt caching (cache writes bill at 1.25× input, reads at 0.1×). Default true. */
  readonly promptCaching?: boolean | undefined;
}

/** The SDK module, imported once per process rather than per call (each `import()` is a loader round trip under tsx). */
const loadAnthropicSdk = loadOnce(() => import('@anthropic-ai/sdk'));

/**
 * A model behind the Anthropic Messages API, through the official SDK. The harness owns
 * retries, so the SDK's are off; so are its logger and its telemetry.
 */
export function createAnthropicProvider(settings: AnthropicProviderSettings): Provider {
  const loadClient = loadOnce(async () => {
    const fetch = selectProviderFetch(settings);
    const { default: Anthropic } = await loadAnthropicSdk();
    return new Anthropic({
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      timeout: settings.timeoutMs,
      maxRetries: 0,
      logLevel: 'off',
      openTelemetry: false,
      ...(fetch === undefined ? {} : { fetch }),
    });
  });
  const context = { provider: 'anthropic', apiKey: settings.apiKey, apiKeyVariable: settings.apiKeyVariable, timeoutMs: settings.timeoutMs };

  async function generate(request: ProviderRequest) {
    const sdk = await loadAnthropicSdk();
    try {
      return await callAnthropicMessages(await loadClient(), request, settings.stream ?? true, settings.promptCaching ?? true);
    } catch (thrown) {
      throw classifyStainlessError(sdk, thrown, context);
    }
  }

  return { id: settings.id, connectionKey: httpConnectionKey('anthropic', settings), simulated: settings.simulated ?? false, generate, prepare: async () => void (await loadClient()) };
}
