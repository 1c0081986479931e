import type { Provider } from '../core/provider-contract.ts';
import { loadOnce } from './load-once.ts';

/**
 * A provider whose adapter module is imported on first use: a run of simulated models, and
 * every command that runs nothing, never loads the HTTP adapters (module loading dominates the
 * CLI's start-up). Identity is known up front, so lanes and provenance need no import.
 */
export function createLazyProvider(identity: Pick<Provider, 'id' | 'connectionKey' | 'simulated'>, load: () => Promise<Provider>): Provider {
  const adapter = loadOnce(load);
  return {
    ...identity,
    prepare: async () => {
      await (await adapter()).prepare?.();
    },
    generate: async (request) => (await adapter()).generate(request),
  };
}
