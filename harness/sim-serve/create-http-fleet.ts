import { createHash } from 'node:crypto';
import type { LoadedConfig } from '../config/load-config.ts';
import type { ModelConfig, ProviderKind } from '../core/models-schema.ts';

/** The environment variable the HTTP fleet's models read their (dummy) key from. */
export const simKeyVariable = 'BATON_SIM_API_KEY';

/** Provider kinds given in turn to the fleet's models: with six models, each kind serves at least one. */
const kinds = ['openai', 'openai-compatible', 'google', 'anthropic'] as const satisfies readonly ProviderKind[];

/**
 * The `sim` models of a config as real-provider models pointed at a running `sim-serve`, so that
 * the official SDKs carry every call over HTTP. Ids, names, prices and limits stay the same;
 * `attributes.simulated` marks the runs as simulated.
 */
export function createHttpFleet(loaded: LoadedConfig, serverUrl: string): LoadedConfig {
  const sims = loaded.config.models.filter((model) => model.provider === 'sim');
  const models = sims.map((model, index): ModelConfig => {
    const provider = kinds[index % kinds.length] ?? 'openai';
    const baseURL = provider === 'openai' || provider === 'openai-compatible' ? `${serverUrl}/v1` : serverUrl;
    const served: ModelConfig = { ...model, provider, base_url: baseURL, api_key_env: simKeyVariable, attributes: { ...model.attributes, simulated: true } };
    // The behaviour stays with the server; a `sim` block is refused on other providers.
    delete served.sim;
    return served;
  });
  const config = { ...loaded.config, models };
  return { file: `${loaded.file} (over sim-serve)`, config, hash: createHash('sha256').update(JSON.stringify(config)).digest('hex') };
}
