import type { IncomingMessage } from 'node:http';

/** Statuses whose responses have no body, which `Response` refuses one for. */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** Whether a response to `method` with this status carries no body. */
export function hasNullBody(method: string, status: number): boolean {
  return method === 'HEAD' || nullBodyStatuses.has(status);
}

/**
 * The platform's `Response` for a Node response: status, status text and every header (repeated
 * ones kept, as `Headers` joins them), over `body`. Its `url` stays empty: the SDKs only log it.
 */
export function createResponse(res: IncomingMessage, body: ReadableStream<Uint8Array> | null): Response {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
  return new Response(body, { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers });
}
