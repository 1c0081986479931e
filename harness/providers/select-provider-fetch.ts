import { createNodeHttpTransport } from './http/node-http-transport.ts';
import type { HttpProviderSettings } from './http-provider-settings.ts';

/**
 * The `fetch` an adapter hands its SDK: the injected one if any, else a node:http transport of
 * the model's own (its idle connections sized to the model's concurrency), else — with
 * `transport: 'fetch'` — `undefined`, which leaves the SDK on the built-in fetch.
 */
export function selectProviderFetch(settings: Pick<HttpProviderSettings, 'fetch' | 'transport' | 'concurrency'>): typeof globalThis.fetch | undefined {
  if (settings.fetch !== undefined) return settings.fetch;
  if (settings.transport === 'fetch') return undefined;
  return createNodeHttpTransport({ maxIdleSockets: settings.concurrency }).fetch;
}
