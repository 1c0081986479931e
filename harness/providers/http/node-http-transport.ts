import { abortReason } from './fetch-errors.ts';
import { KeepAliveAgents, type KeepAliveAgentOptions } from './keep-alive-agents.ts';
import { NodeHttpExchange } from './node-http-exchange.ts';
import { readOutgoingRequest, type OutgoingRequest } from './outgoing-request.ts';

/** Settings of {@link createNodeHttpTransport}. */
export type NodeHttpTransportOptions = KeepAliveAgentOptions;

/** A `fetch` on `node:http`/`node:https` and the connections it keeps. */
export interface NodeHttpTransport {
  /** Fetch-compatible: what the SDKs' `fetch` option takes. */
  readonly fetch: typeof globalThis.fetch;
  /** Closes the pooled connections (tests; a process may simply exit, idle connections do not hold it). */
  destroy(): void;
}

/**
 * A `fetch` for the SDKs on `node:http` with keep-alive agents, instead of the built-in fetch
 * (undici and WHATWG streams), which cost over half of the client's CPU per streamed call
 * against a fast endpoint. It returns the platform's own `Response`, whose body streams, and
 * behaves as fetch does where the SDKs and error classification look: a refused or dropped
 * connection rejects with a `TypeError` whose `cause` has the Node error `code`, an abort with
 * the signal's reason, a body cut off errors with `TypeError('terminated')`.
 *
 * Differences from fetch: redirects are not followed (the 3xx response is returned, as with
 * `redirect: 'manual'`; API endpoints do not redirect); no `accept-encoding` is sent (a
 * compressed response is still decoded); `Response.url` is empty; `Request` inputs and stream,
 * `Blob` and `FormData` bodies are buffered before sending.
 */
export function createNodeHttpTransport(options: NodeHttpTransportOptions = {}): NodeHttpTransport {
  const agents = new KeepAliveAgents(options);
  // Node loads the platform's fetch classes (`Response`, `Headers`: undici) on their first use,
  // ~15-20 ms. Touched here, they load while a run's store opens on DuckDB's threads (providers
  // are prepared then) instead of delaying the first call.
  void Response;
  const send = (outgoing: OutgoingRequest): Promise<Response> => {
    // As fetch does, whatever the reason is (an Error only by convention).
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    if (outgoing.signal?.aborted === true) return Promise.reject(abortReason(outgoing.signal));
    return new Promise<Response>((resolve, reject) => {
      new NodeHttpExchange(outgoing, agents.agentFor(outgoing.url), resolve, reject);
    });
  };
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    try {
      const outgoing = readOutgoingRequest(input, init);
      return outgoing instanceof Promise ? outgoing.then(send) : send(outgoing);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError(String(error)));
    }
  };
  return { fetch, destroy: () => agents.destroy() };
}
