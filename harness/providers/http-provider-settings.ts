import type { HttpTransport } from './resolve-http-transport.ts';

/** What every HTTP provider factory takes. The caller reads the environment; factories never do. */
export interface HttpProviderSettings {
  /** The model config id. */
  readonly id: string;
  /** The provider's own model name, also part of the connection key. */
  readonly model: string;
  /** API base URL, e.g. `https://api.openai.com/v1`. */
  readonly baseURL: string;
  /** The API key; `undefined` only where the kind allows none (`openai-compatible`). */
  readonly apiKey: string | undefined;
  /** The environment variable the key came from, named in auth errors. */
  readonly apiKeyVariable?: string | undefined;
  /** Per-request timeout of the SDK, ms. The harness enforces its own per try as well. */
  readonly timeoutMs: number;
  /** Stream responses, which measures time to first token. Default true. */
  readonly stream?: boolean | undefined;
  /** Replaces the transport (proxies, recording, tests); wins over `transport`. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** `node` (default): a fetch on `node:http` with keep-alive agents; `fetch`: the built-in fetch. */
  readonly transport?: HttpTransport | undefined;
  /** Calls in flight at once (`limits.concurrency`): idle connections kept for the model. Default 256. */
  readonly concurrency?: number | undefined;
  /** The endpoint is a simulator (`baton sim-serve`): every artifact built from it says so. */
  readonly simulated?: boolean | undefined;
}

/** The connection key of an HTTP provider: limits apply per endpoint and model. */
export function httpConnectionKey(kind: string, settings: Pick<HttpProviderSettings, 'baseURL' | 'model'>): string {
  return `${kind}:${settings.baseURL}#${settings.model}`;
}
