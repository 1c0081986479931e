import type { Provider, ProviderRequest } from '../core/provider-contract.ts';
import { callOpenAIChat } from './call-openai-chat.ts';
import { classifyStainlessError } from './classify-stainless-error.ts';
import { httpConnectionKey, type HttpProviderSettings } from './http-provider-settings.ts';
import { loadOnce } from './load-once.ts';
import { selectProviderFetch } from './select-provider-fetch.ts';
import { loadOpenAISdk } from './load-openai-sdk.ts';

/** Settings of {@link createOpenAIProvider}. */
export interface OpenAIProviderSettings extends HttpProviderSettings {
  readonly apiKey: string;
  /** `OpenAI-Organization` header, e.g. from `OPENAI_ORG_ID`. */
  readonly organization?: string | undefined;
  /** `OpenAI-Project` header, e.g. from `OPENAI_PROJECT_ID`. */
  readonly project?: string | undefined;
}

/**
 * A model behind the OpenAI Chat Completions API, through the official SDK. The harness owns
 * retries, so the SDK's are off; its logger is off too (library code prints nothing).
 */
export function createOpenAIProvider(settings: OpenAIProviderSettings): Provider {
  // One client per model, its SDK module kept with it: an `import()` per call cost a round trip
  // to tsx's hooks thread, over 10% of the client's time against a fast endpoint.
  const loadClient = loadOnce(async () => {
    const fetch = selectProviderFetch(settings);
    const sdk = await loadOpenAISdk();
    const client = new sdk.default({
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      organization: settings.organization ?? null,
      project: settings.project ?? null,
      timeout: settings.timeoutMs,
      maxRetries: 0,
      logLevel: 'off',
      ...(fetch === undefined ? {} : { fetch }),
    });
    return { sdk, client };
  });
  const context = { provider: 'openai', apiKey: settings.apiKey, apiKeyVariable: settings.apiKeyVariable, timeoutMs: settings.timeoutMs };

  async function generate(request: ProviderRequest) {
    const { sdk, client } = await loadClient();
    try {
      return await callOpenAIChat(client, request, settings.stream ?? true, { provider: 'openai', maxTokensField: 'max_completion_tokens' });
    } catch (thrown) {
      throw classifyStainlessError(sdk, thrown, context);
    }
  }

  return { id: settings.id, connectionKey: httpConnectionKey('openai', settings), simulated: settings.simulated ?? false, generate, prepare: async () => void (await loadClient()) };
}
