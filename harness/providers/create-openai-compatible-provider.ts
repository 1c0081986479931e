import type { Provider, ProviderRequest } from '../core/provider-contract.ts';
import { callOpenAIChat } from './call-openai-chat.ts';
import { classifyStainlessError } from './classify-stainless-error.ts';
import { httpConnectionKey, type HttpProviderSettings } from './http-provider-settings.ts';
import { loadOnce } from './load-once.ts';
import { selectProviderFetch } from './select-provider-fetch.ts';
import { loadOpenAISdk } from './load-openai-sdk.ts';

/** The SDK insists on a key; without one this placeholder is set and the header then removed. */
const noKey = 'baton-no-key';

/**
 * A model behind any server that speaks OpenAI Chat Completions (Ollama, vLLM, llama.cpp,
 * LM Studio, OpenRouter), through the official OpenAI SDK. The key is optional and sent only
 * when given; OpenAI's own organisation and project headers are never sent to a third party.
 */
export function createOpenAICompatibleProvider(settings: HttpProviderSettings): Provider {
  // One client per model, its SDK module kept with it: an `import()` per call cost a round trip
  // to tsx's hooks thread, over 10% of the client's time against a fast endpoint.
  const loadClient = loadOnce(async () => {
    const fetch = selectProviderFetch(settings);
    const sdk = await loadOpenAISdk();
    const client = new sdk.default({
      apiKey: settings.apiKey ?? noKey,
      baseURL: settings.baseURL,
      organization: null,
      project: null,
      timeout: settings.timeoutMs,
      maxRetries: 0,
      logLevel: 'off',
      ...(settings.apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
      ...(fetch === undefined ? {} : { fetch }),
    });
    return { sdk, client };
  });
  const context = { provider: 'openai-compatible', apiKey: settings.apiKey, apiKeyVariable: settings.apiKeyVariable, timeoutMs: settings.timeoutMs };

  async function generate(request: ProviderRequest) {
    const { sdk, client } = await loadClient();
    try {
      return await callOpenAIChat(client, request, settings.stream ?? true, { provider: 'openai-compatible', maxTokensField: 'max_tokens' });
    } catch (thrown) {
      throw classifyStainlessError(sdk, thrown, context);
    }
  }

  return { id: settings.id, connectionKey: httpConnectionKey('openai-compatible', settings), simulated: settings.simulated ?? false, generate, prepare: async () => void (await loadClient()) };
}
