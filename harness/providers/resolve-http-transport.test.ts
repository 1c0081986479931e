import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/input-error.ts';
import { ModelConfigSchema } from '../core/models-schema.ts';
import { createSimOracle } from '../sim/sim-oracle.ts';
import { startLocalHttpServer, type LocalHttpServer } from '../../test/helpers/local-http-server.ts';
import { createProvider, createProviders } from './create-provider.ts';
import { resolveHttpTransport } from './resolve-http-transport.ts';

describe('resolveHttpTransport', () => {
  it('defaults to the node:http transport and accepts `fetch`', () => {
    expect(resolveHttpTransport({})).toBe('node');
    expect(resolveHttpTransport({ BATON_HTTP_TRANSPORT: '' })).toBe('node');
    expect(resolveHttpTransport({ BATON_HTTP_TRANSPORT: 'node' })).toBe('node');
    expect(resolveHttpTransport({ BATON_HTTP_TRANSPORT: 'fetch' })).toBe('fetch');
  });

  it('refuses any other value, once per run rather than once per model', () => {
    expect(() => resolveHttpTransport({ BATON_HTTP_TRANSPORT: 'curl' })).toThrow('Expected `BATON_HTTP_TRANSPORT` to be `node` or `fetch`, got `curl`');
    const model = ModelConfigSchema.parse({ id: 'a', provider: 'openai-compatible', model: 'm', base_url: 'http://127.0.0.1:9/v1' });
    const error: unknown = (() => {
      try {
        createProviders([model, { ...model, id: 'b' }], { configFile: 'c.yaml', oracle: createSimOracle([]), simTimeScale: 0, env: { BATON_HTTP_TRANSPORT: 'curl' } });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toHaveLength(1);
  });
});

describe('the transport of an HTTP provider', () => {
  let server: LocalHttpServer;
  const completion = { id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Answer: 4' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } };

  beforeAll(async () => {
    server = await startLocalHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(completion));
    });
  });

  afterAll(async () => {
    await server.close();
  });

  /** The headers the server saw from one call of a provider built with `env`. */
  async function headersSent(env: Record<string, string>) {
    const model = ModelConfigSchema.parse({ id: 'm', provider: 'openai-compatible', model: 'm', base_url: `${server.url}/v1`, stream: false });
    const provider = createProvider(model, 0, { configFile: 'test', oracle: createSimOracle([]), simTimeScale: 0, env });
    const response = await provider.generate({ model: 'm', system: undefined, messages: [{ role: 'user', content: '2 + 2?' }], maxTokens: 8, temperature: 0, topP: undefined, stop: undefined, seed: 1, signal: AbortSignal.timeout(5_000) });
    expect(response.text).toBe('Answer: 4');
    return server.requests.at(-1)?.headers ?? {};
  }

  // The built-in fetch (undici) adds fetch-spec headers that node:http never sends.
  it('is node:http by default', async () => {
    expect(await headersSent({})).not.toHaveProperty('sec-fetch-mode');
  });

  it('is the built-in fetch with BATON_HTTP_TRANSPORT=fetch', async () => {
    expect(await headersSent({ BATON_HTTP_TRANSPORT: 'fetch' })).toHaveProperty('sec-fetch-mode');
  });
});
