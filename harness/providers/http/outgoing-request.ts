import type { OutgoingHttpHeaders } from 'node:http';

type HeadersInit = NonNullable<RequestInit['headers']>;
type BodyInit = RequestInit['body'];

/** A request as `node:http` takes it. */
export interface OutgoingRequest {
  readonly url: URL;
  /** Upper-case, e.g. `POST`. */
  readonly method: string;
  /** Lower-case names. */
  readonly headers: OutgoingHttpHeaders;
  /** Sent with a `content-length`; `undefined` for none. */
  readonly body: string | Uint8Array | undefined;
  readonly signal: AbortSignal | undefined;
}

/**
 * Reads fetch's arguments into a request for `node:http`. What the SDKs send (a URL string and
 * a string or byte body) is read synchronously; a `Request` and the rarer bodies (`Blob`,
 * `FormData`, streams) are buffered first, through the platform's own `Response`, which also
 * gives their content type.
 */
export function readOutgoingRequest(input: string | URL | Request, init: RequestInit | undefined): OutgoingRequest | Promise<OutgoingRequest> {
  if (typeof input !== 'string' && !(input instanceof URL)) return readRequestObject(input, init);
  const headers = copyHeaders(init?.headers);
  const body = readBody(init?.body, headers);
  const method = (init?.method ?? 'GET').toUpperCase();
  const signal = init?.signal ?? undefined;
  const url = typeof input === 'string' ? new URL(input) : input;
  if (body instanceof Promise) return body.then((bytes) => ({ url, method, headers, body: bytes, signal }));
  return { url, method, headers, body, signal };
}

async function readRequestObject(request: Request, init: RequestInit | undefined): Promise<OutgoingRequest> {
  const merged = new Request(request, init);
  const headers = copyHeaders(merged.headers);
  const body = merged.body === null ? undefined : new Uint8Array(await merged.arrayBuffer());
  return { url: new URL(merged.url), method: merged.method, headers, body, signal: merged.signal };
}

/** Names lower-cased, as Headers gives them; `null` values (the SDKs' way to drop a default) are skipped. */
function copyHeaders(init: HeadersInit | undefined): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  if (init === undefined) return headers;
  if (init instanceof Headers) {
    init.forEach(copyHeader, headers);
  } else if (Array.isArray(init)) {
    for (const [name, value] of init) if (name !== undefined && value !== undefined) appendHeader(headers, name.toLowerCase(), value);
  } else {
    for (const name of Object.keys(init)) {
      const value = (init as Record<string, string | null | undefined>)[name];
      if (value !== undefined && value !== null) appendHeader(headers, name.toLowerCase(), String(value));
    }
  }
  return headers;
}

function copyHeader(this: OutgoingHttpHeaders, value: string, name: string): void {
  appendHeader(this, name, value);
}

function appendHeader(headers: OutgoingHttpHeaders, name: string, value: string): void {
  const previous = headers[name];
  headers[name] = previous === undefined ? value : `${String(previous)}, ${value}`;
}

/** Sets the content type fetch would set for the body, when the caller set none. */
function readBody(body: BodyInit, headers: OutgoingHttpHeaders): string | Uint8Array | undefined | Promise<Uint8Array> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
    return body;
  }
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  const wrapped = new Response(body);
  const type = wrapped.headers.get('content-type');
  if (type !== null) headers['content-type'] ??= type;
  return wrapped.arrayBuffer().then((bytes) => new Uint8Array(bytes));
}
