import { InputError, type InputProblem } from '../core/input-error.ts';
import type { ModelConfig } from '../core/models-schema.ts';
import type { Provider } from '../core/provider-contract.ts';
import { createSimProvider } from '../sim/create-sim-provider.ts';
import type { SimOracle } from '../sim/sim-oracle.ts';
import { createLazyProvider } from './create-lazy-provider.ts';
import { defaultBaseURLs } from './default-base-urls.ts';
import { httpConnectionKey } from './http-provider-settings.ts';
import { optionalApiKey, requireApiKey, type Environment } from './resolve-api-key.ts';
import { resolveHttpTransport } from './resolve-http-transport.ts';

/** What providers may need from the run that builds them. */
export interface ProviderContext {
  /** Source of the config, for messages. */
  readonly configFile: string;
  /** Answer key for simulated models. */
  readonly oracle: SimOracle;
  /** Delay multiplier for simulated models (0 = instant). */
  readonly simTimeScale: number;
  /**
   * Where API keys, the SDKs' usual `*_BASE_URL` variables and `BATON_HTTP_TRANSPORT` are read;
   * the CLI passes `process.env`.
   */
  readonly env: Environment;
  /** Replaces the transport of HTTP providers (proxies, recording); wins over `BATON_HTTP_TRANSPORT`. */
  readonly fetch?: typeof globalThis.fetch | undefined;
}

/**
 * Builds the provider a model config names: keys and base URLs are resolved now (a missing key
 * is an `InputError` before anything runs), the HTTP adapter and its SDK on first use. A model
 * served by `baton sim-serve` says so with `attributes: { simulated: true }`, so that its runs
 * are marked simulated.
 */
export function createProvider(model: ModelConfig, index: number, context: ProviderContext): Provider {
  const { env } = context;
  const where = { file: context.configFile, index };
  const common = {
    id: model.id,
    model: model.model,
    timeoutMs: model.timeout_ms,
    stream: model.stream,
    fetch: context.fetch,
    transport: resolveHttpTransport(env),
    concurrency: model.limits.concurrency,
    simulated: model.attributes.simulated === true,
  };
  const lazy = (kind: Exclude<ModelConfig['provider'], 'sim'>, baseURL: string, load: () => Promise<Provider>) =>
    createLazyProvider({ id: model.id, connectionKey: httpConnectionKey(kind, { baseURL, model: model.model }), simulated: common.simulated }, load);
  switch (model.provider) {
    case 'sim':
      if (model.sim === undefined) throw new InputError([{ file: context.configFile, path: `models[${index}].sim`, message: 'a `sim` model needs a `sim` block', fix: 'add `sim: { skill: { default: 0.7 } }`' }]);
      return createSimProvider({ ...model, sim: model.sim }, { oracle: context.oracle, timeScale: context.simTimeScale });
    case 'openai': {
      const key = requireApiKey({ ...model, provider: 'openai' }, env, where);
      const baseURL = model.base_url ?? nonEmpty(env.OPENAI_BASE_URL) ?? defaultBaseURLs.openai;
      const settings = { ...common, baseURL, apiKey: key.apiKey, apiKeyVariable: key.variable, organization: nonEmpty(env.OPENAI_ORG_ID), project: nonEmpty(env.OPENAI_PROJECT_ID) };
      return lazy('openai', baseURL, async () => (await import('./create-openai-provider.ts')).createOpenAIProvider(settings));
    }
    case 'anthropic': {
      const key = requireApiKey({ ...model, provider: 'anthropic' }, env, where);
      const baseURL = model.base_url ?? nonEmpty(env.ANTHROPIC_BASE_URL) ?? defaultBaseURLs.anthropic;
      const settings = { ...common, baseURL, apiKey: key.apiKey, apiKeyVariable: key.variable };
      return lazy('anthropic', baseURL, async () => (await import('./create-anthropic-provider.ts')).createAnthropicProvider(settings));
    }
    case 'google': {
      const key = requireApiKey({ ...model, provider: 'google' }, env, where);
      const baseURL = model.base_url ?? nonEmpty(env.GOOGLE_GEMINI_BASE_URL) ?? defaultBaseURLs.google;
      const settings = { ...common, baseURL, apiKey: key.apiKey, apiKeyVariable: key.variable };
      return lazy('google', baseURL, async () => (await import('./create-google-provider.ts')).createGoogleProvider(settings));
    }
    case 'openai-compatible': {
      const key = optionalApiKey(model, env, where);
      // The config check requires base_url; this guards callers that build configs in code.
      if (model.base_url === undefined) throw new InputError([{ file: context.configFile, path: `models[${index}].base_url`, message: '`openai-compatible` needs `base_url`', fix: 'add the server URL, e.g. `base_url: http://localhost:11434/v1`' }]);
      const settings = { ...common, baseURL: model.base_url, apiKey: key?.apiKey, apiKeyVariable: key?.variable };
      return lazy('openai-compatible', model.base_url, async () => (await import('./create-openai-compatible-provider.ts')).createOpenAICompatibleProvider(settings));
    }
  }
}

/**
 * Builds every model's provider, reporting every problem (a missing key, say) in one
 * `InputError` rather than stopping at the first.
 */
export function createProviders(models: readonly ModelConfig[], context: ProviderContext, build: typeof createProvider = createProvider): Provider[] {
  // Once here, so that a bad value is one problem, not one per model.
  resolveHttpTransport(context.env);
  const problems: InputProblem[] = [];
  const providers: Provider[] = [];
  models.forEach((model, index) => {
    try {
      providers.push(build(model, index, context));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return providers;
}

/** An environment variable set to the empty string counts as unset, as the SDKs treat it. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
