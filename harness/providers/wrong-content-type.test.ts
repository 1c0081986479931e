import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelConfigSchema } from '../core/models-schema.ts';
import type { ProviderResponse } from '../core/provider-contract.ts';
import { callWithRetries } from '../scheduler/call-with-retries.ts';
import { createConnectionLane } from '../scheduler/connection-lane.ts';
import { createSimOracle } from '../sim/sim-oracle.ts';
import { createProvider } from './create-provider.ts';

/**
 * A gateway in front of the provider answering 200 with its own HTML page in place of the API's
 * JSON (a 5xx page is covered by the server-error faults): the attempt must end as a classified error, with bounded retries,
 * and never as an answer (which the scorer would count as wrong).
 */
const kinds = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
const page = '<html><head><title>Gateway</title></head><body><h1>502 Bad Gateway</h1><p>upstream unavailable</p></body></html>';
let server: Server;
let url = '';
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.each(kinds)('a wrong content type through the %s adapter', (kind) => {
  it('ends as a classified error after bounded retries, never as an answer', async () => {
    const model = ModelConfigSchema.parse({
      id: `html-${kind}`, provider: kind, model: 'any', base_url: kind === 'openai' || kind === 'openai-compatible' ? `${url}/v1` : url,
      api_key_env: 'HTML_TEST_KEY', limits: { concurrency: 2 }, timeout_ms: 5_000,
    });
    const provider = createProvider(model, 0, { configFile: 'test', oracle: createSimOracle([]), simTimeScale: 0, env: { HTML_TEST_KEY: 'sk-html-test-0000' } });
    const before = requests;
    const result = await callWithRetries<ProviderResponse>({
      lane: createConnectionLane(provider.connectionKey, { concurrency: 2 }),
      estimatedTokens: 10,
      policy: { max_retries: 2, base_delay_ms: 1, max_delay_ms: 5 },
      timeoutMs: 5_000,
      signal: new AbortController().signal,
      random: () => 0.5,
      attempt: async ({ signal }) => ({
        value: await provider.generate({ model: 'any', system: undefined, messages: [{ role: 'user', content: 'What is 1 + 1?' }], maxTokens: 16, temperature: 0, topP: undefined, stop: undefined, seed: 1, signal }),
        actualTokens: null,
      }),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code, result.error.message).toBe('malformed_response');
    // At most the policy's retries: one call plus two.
    expect(requests - before).toBeLessThanOrEqual(3);
    expect(result.retries).toBeLessThanOrEqual(2);
  });
});
