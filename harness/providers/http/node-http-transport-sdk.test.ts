import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHttpServer, type LocalHttpServer } from '../../../test/helpers/local-http-server.ts';
import { classifyStainlessError } from '../classify-stainless-error.ts';
import { loadOpenAISdk } from '../load-openai-sdk.ts';
import { createNodeHttpTransport, type NodeHttpTransport } from './node-http-transport.ts';

/** A chat completion chunk as OpenAI streams it. */
const chunk = (choices: object[], usage?: object) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices, ...(usage === undefined ? {} : { usage }) })}\n\n`;
const delta = (content: string) => chunk([{ index: 0, delta: { content }, finish_reason: null }]);
const usage = { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 };

let server: LocalHttpServer;
let transport: NodeHttpTransport;

beforeAll(async () => {
  server = await startLocalHttpServer((_req, res, seen) => {
    const body = JSON.parse(seen.body.toString()) as { model: string; stream?: boolean };
    if (body.model === 'limited') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3', 'x-ratelimit-limit-requests': '100', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '3s' });
      res.end(JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests' } }));
      return;
    }
    if (body.stream !== true) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'stop' }], usage }));
      return;
    }
    // Events in separate writes, one split across two: the SDK must reassemble them.
    const events = [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]), delta('Hel'), delta('lo, '), delta('wörld'), chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]), chunk([], usage), 'data: [DONE]\n\n'];
    const split = events[3] ?? '';
    const pieces = [...events.slice(0, 3), split.slice(0, 10), split.slice(10), ...events.slice(4)];
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const next = (index: number) => {
      if (index === pieces.length) {
        res.end();
        return;
      }
      res.write(pieces[index]);
      setImmediate(next, index + 1);
    };
    next(0);
  });
  transport = createNodeHttpTransport();
});

afterAll(async () => {
  transport.destroy();
  await server.close();
});

async function client() {
  const sdk = await loadOpenAISdk();
  return { sdk, client: new sdk.default({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0, logLevel: 'off', fetch: transport.fetch }) };
}

describe('the official openai SDK over the node:http fetch', () => {
  it('streams a chat completion: the text assembled from the deltas, and the usage of the last chunk', async () => {
    const { client: openai } = await client();
    const stream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
    let text = '';
    let finish: string | null | undefined;
    let reported: unknown;
    for await (const part of stream) {
      text += part.choices[0]?.delta.content ?? '';
      finish = part.choices[0]?.finish_reason ?? finish;
      reported = part.usage ?? reported;
    }
    expect(text).toBe('Hello, wörld');
    expect(finish).toBe('stop');
    expect(reported).toEqual(usage);
    const sent = server.requests.at(-1);
    expect(sent?.url).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    expect(JSON.parse(sent?.body.toString() ?? '{}')).toMatchObject({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] });
  });

  it('reads a plain completion', async () => {
    const { client: openai } = await client();
    const completion = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe('Hello there');
    expect(completion.usage).toEqual(usage);
  });

  it('shows a 429\'s retry-after and rate-limit headers to the error classification', async () => {
    const { sdk, client: openai } = await client();
    const thrown = await openai.chat.completions.create({ model: 'limited', messages: [{ role: 'user', content: 'hi' }] }).then(() => undefined, (error: unknown) => error);
    expect(thrown).toBeInstanceOf(sdk.APIError);
    const classified = classifyStainlessError(sdk, thrown, { provider: 'openai', apiKey: 'sk-test', apiKeyVariable: 'OPENAI_API_KEY', timeoutMs: 5_000 });
    expect(classified).toMatchObject({ code: 'rate_limited', retryable: true, status: 429, retryAfterMs: 3_000 });
    expect(classified.rateLimits?.requests).toEqual({ limit: 100, remaining: 0, resetMs: 3_000 });
  });

  it('ends a stream aborted mid-way as the SDK ends an aborted fetch stream: quietly, as an abort', async () => {
    const { client: openai } = await client();
    const controller = new AbortController();
    const stream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true }, { signal: controller.signal });
    let parts = 0;
    for await (const part of stream) {
      parts += part.choices.length;
      controller.abort();
    }
    expect(parts).toBe(1);
  });
});
