import { InputError } from '../core/input-error.ts';
import type { ModelConfig } from '../core/models-schema.ts';
import type { Provider } from '../core/provider-contract.ts';
import { createSimProvider } from '../sim/create-sim-provider.ts';
import type { SimOracle } from '../sim/sim-oracle.ts';

/** What providers may need from the run that builds them. */
export interface ProviderContext {
  /** Source of the config, for messages. */
  readonly configFile: string;
  /** Answer key for simulated models. */
  readonly oracle: SimOracle;
  /** Delay multiplier for simulated models (0 = instant). */
  readonly simTimeScale: number;
}

/** Builds the provider a model config names. */
export function createProvider(model: ModelConfig, index: number, context: ProviderContext): Provider {
  if (model.provider === 'sim' && model.sim !== undefined) {
    return createSimProvider({ ...model, sim: model.sim }, { oracle: context.oracle, timeScale: context.simTimeScale });
  }
  throw new InputError([
    {
      file: context.configFile,
      path: `models[${index}].provider`,
      message: `provider \`${model.provider}\` has no adapter in this version of baton (only \`sim\` runs here)`,
      fix: 'use `provider: sim` models, or remove this model from the run',
    },
  ]);
}
