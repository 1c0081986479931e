import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHttpServer, type LocalHttpServer } from '../../../test/helpers/local-http-server.ts';
import { classifyTransportError } from '../classify-transport-error.ts';
import { createNodeHttpTransport, type NodeHttpTransport } from './node-http-transport.ts';

let server: LocalHttpServer;
let transport: NodeHttpTransport;
/** Requests the mid-stream route is holding open, released after each test. */
const held: (() => void)[] = [];
/** Responses of the mid-stream route whose connection closed before they ended. */
let heldDropped = 0;

beforeAll(async () => {
  server = await startLocalHttpServer((req, res, seen) => {
    switch (req.url) {
      case '/json':
        res.writeHead(200, 'Fine', { 'content-type': 'application/json', 'x-request-id': 'req-1' });
        res.end(JSON.stringify({ ok: true, greeting: 'héllo' }));
        return;
      case '/echo':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: seen.method, headers: seen.headers, body: seen.body.toString('base64') }));
        return;
      case '/limited':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2', 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '2s' });
        res.end(JSON.stringify({ error: { message: 'slow down' } }));
        return;
      case '/hold':
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: first\n\n');
        res.on('close', () => {
          if (!res.writableEnded) heldDropped += 1;
        });
        held.push(() => res.end('data: last\n\n'));
        return;
      case '/truncated':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"partial":', () => res.destroy());
        return;
      case '/gzip':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        res.end(gzipSync('decoded text'));
        return;
      case '/empty':
        res.writeHead(204, { 'x-kind': 'empty' });
        res.end();
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
});

afterEach(() => {
  for (const release of held.splice(0)) release();
  transport.destroy();
});

afterAll(async () => {
  await server.close();
});

function fresh(): NodeHttpTransport {
  transport = createNodeHttpTransport();
  return transport;
}

/** What a promise rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the node:http fetch', () => {
  it('returns a platform Response with status, status text, headers and a JSON body', async () => {
    const response = await fresh().fetch(`${server.url}/json`);
    expect(response).toBeInstanceOf(Response);
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('Fine');
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(await response.json()).toEqual({ ok: true, greeting: 'héllo' });
  });

  it.each([
    ['a Headers object', new Headers({ Authorization: 'Bearer k', 'X-Custom': 'a' })],
    ['a record', { Authorization: 'Bearer k', 'X-Custom': 'a' }],
    ['pairs', [['Authorization', 'Bearer k'], ['X-Custom', 'a']] as [string, string][]],
  ])('sends the method, headers given as %s, and a string body intact', async (_label, headers) => {
    const body = JSON.stringify({ model: 'm', text: 'ünïcode ✓' });
    const response = await fresh().fetch(`${server.url}/echo`, { method: 'post', headers, body });
    const echoed = (await response.json()) as { method: string; headers: Record<string, string>; body: string };
    expect(echoed.method).toBe('POST');
    expect(echoed.headers).toMatchObject({ authorization: 'Bearer k', 'x-custom': 'a', 'content-length': String(Buffer.byteLength(body)), 'content-type': 'text/plain;charset=UTF-8' });
    expect(Buffer.from(echoed.body, 'base64').toString()).toBe(body);
  });

  it('sends byte and form bodies intact, with the content type fetch would set', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const sent = await (await fresh().fetch(`${server.url}/echo`, { method: 'POST', body: bytes })).json() as { body: string; headers: Record<string, string> };
    expect([...Buffer.from(sent.body, 'base64')]).toEqual([...bytes]);
    expect(sent.headers['content-length']).toBe('5');
    const form = await (await transport.fetch(`${server.url}/echo`, { method: 'POST', body: new URLSearchParams({ a: '1', b: 'x y' }) })).json() as { body: string; headers: Record<string, string> };
    expect(Buffer.from(form.body, 'base64').toString()).toBe('a=1&b=x+y');
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
  });

  it('returns a non-2xx response with its rate-limit headers for the caller to read', async () => {
    const response = await fresh().fetch(`${server.url}/limited`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(429);
    expect(response.ok).toBe(false);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset-requests')).toBe('2s');
    expect(await response.json()).toEqual({ error: { message: 'slow down' } });
  });

  it('rejects at once with the AbortError of a signal aborted before the request, sending nothing', async () => {
    const before = server.requests.length;
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(fresh().fetch(`${server.url}/json`, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(server.requests.length).toBe(before);
  });

  it('errors the body with AbortError when aborted mid-stream, and drops the connection', async () => {
    const controller = new AbortController();
    const droppedBefore = heldDropped;
    const response = await fresh().fetch(`${server.url}/hold`, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    controller.abort();
    const error = await rejection(reader.read());
    expect(error).toMatchObject({ name: 'AbortError' });
    await expect.poll(() => heldDropped).toBe(droppedBefore + 1);
  });

  it('rejects with the signal\'s own reason, as fetch does (a timeout)', async () => {
    const error = await rejection(fresh().fetch(`${server.url}/hold`, { signal: AbortSignal.timeout(1) }).then((response) => response.text()));
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(classifyTransportError('openai', error, (text) => text).code).toBe('timeout');
  });

  it('rejects a refused connection with a TypeError whose cause has the code, classified as a connection failure', async () => {
    const error = await rejection(fresh().fetch(`http://127.0.0.1:${await closedPort()}/json`));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(classifyTransportError('openai', error, (text) => text)).toMatchObject({ code: 'connection', retryable: true });
  });

  it('errors the body with TypeError(terminated) when the connection drops mid-body', async () => {
    const response = await fresh().fetch(`${server.url}/truncated`);
    const error = await rejection(response.text());
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: 'ECONNRESET' });
    expect(classifyTransportError('openai', error, (text) => text).code).toBe('connection');
  });

  it('reuses one kept-alive connection for sequential requests', async () => {
    fresh();
    const before = server.connections();
    for (let index = 0; index < 5; index += 1) await (await transport.fetch(`${server.url}/json`)).json();
    await (await transport.fetch(`${server.url}/empty`)).text();
    await (await transport.fetch(`${server.url}/limited`)).text();
    expect(server.connections() - before).toBe(1);
  });

  it('decodes a gzip body and gives a 204 a null body', async () => {
    expect(await (await fresh().fetch(`${server.url}/gzip`)).text()).toBe('decoded text');
    const empty = await transport.fetch(`${server.url}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(empty.headers.get('x-kind')).toBe('empty');
  });
});
