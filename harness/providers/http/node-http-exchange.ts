import { request as httpRequest, type Agent, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type { ReadableStreamController, UnderlyingSource } from 'node:stream/web';
import { decodeContent } from './decode-content.ts';
import { abortReason, bodyTerminated, fetchFailed } from './fetch-errors.ts';
import { createResponse, hasNullBody } from './incoming-response.ts';
import type { OutgoingRequest } from './outgoing-request.ts';

const enum Phase {
  /** Sent; no response yet. */
  Waiting,
  /** The response is out; its body flows into the stream. */
  Streaming,
  /** Settled: the body ended, failed, was cancelled or aborted. */
  Done,
}

/**
 * Up to 16 chunks wait in the body stream before the socket is paused. Measured against a
 * queue of 1 (the default, which paused and resumed the socket around most chunks), against
 * `Readable.toWeb` and against a `type: 'bytes'` stream (which must copy or transfer every
 * chunk): the least CPU per streamed call, if within the noise of a shared machine.
 */
const bodyQueue = { highWaterMark: 16 };

/** Where the Node objects of an exchange point back to it, so that listeners need no closure. */
const exchangeOf = Symbol('baton.exchange');
type Tagged<T> = T & { [exchangeOf]: NodeHttpExchange };

/**
 * One request and its response. The object is the abort listener and the source of the body
 * stream, and its Node request and body point back to it, so the listeners are shared
 * functions: a request allocates no closure. (Arrow-function fields would: one each, plus a
 * `defineProperty` each, which tsx adds to name them.)
 */
export class NodeHttpExchange implements UnderlyingSource<Uint8Array> {
  #phase = Phase.Waiting;
  readonly #resolve: (response: Response) => void;
  readonly #reject: (reason: unknown) => void;
  readonly #signal: AbortSignal | undefined;
  readonly #method: string;
  readonly #request: ClientRequest;
  #body: Readable | undefined;
  #controller: ReadableStreamController<Uint8Array> | undefined;

  constructor(outgoing: OutgoingRequest, agent: Agent, resolve: (response: Response) => void, reject: (reason: unknown) => void) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#signal = outgoing.signal;
    this.#method = outgoing.method;
    const { body, headers } = outgoing;
    if (body !== undefined) headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    const send = outgoing.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(outgoing.url, { agent, method: outgoing.method, headers }) as Tagged<ClientRequest>;
    req[exchangeOf] = this;
    this.#request = req;
    req.on('response', onResponse);
    // Stays on for the request's life: Node reports a destroyed request as an error too.
    req.on('error', onError);
    outgoing.signal?.addEventListener('abort', this);
    req.end(body);
  }

  /** The signal aborted: fail what is pending with its reason and drop the connection. */
  handleEvent(): void {
    const reason = abortReason(this.#signal as AbortSignal);
    if (this.#phase === Phase.Waiting) this.#reject(reason);
    else if (this.#phase === Phase.Streaming) this.#controller?.error(reason);
    this.#settle(true);
  }

  /** Body stream: starts the flow of the response into it. */
  start(controller: ReadableStreamController<Uint8Array>): void {
    this.#controller = controller;
    const body = this.#body as Tagged<Readable>;
    body[exchangeOf] = this;
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
  }

  /** Body stream: the reader wants more; resumes a socket paused by a full queue. */
  pull(): void {
    if (this.#body?.isPaused() === true) this.#body.resume();
  }

  /** Body stream: the reader gave up; the connection cannot be reused mid-body. */
  cancel(): void {
    this.#settle(true);
  }

  /** The response head arrived. */
  respond(res: IncomingMessage): void {
    if (this.#phase !== Phase.Waiting) {
      res.destroy();
      return;
    }
    const empty = hasNullBody(this.#method, res.statusCode ?? 0);
    let response: Response;
    try {
      if (empty) {
        response = createResponse(res, null);
      } else {
        this.#body = decodeContent(res);
        response = createResponse(res, new ReadableStream<Uint8Array>(this, bodyQueue));
      }
    } catch (error) {
      // A status or header `Response` refuses: fetch fails the same way. Thrown here, it would
      // be uncaught (this runs in an event listener).
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (empty) {
      // Drained, so that the connection goes back to the pool.
      res.resume();
      this.#settle(false);
    } else {
      this.#phase = Phase.Streaming;
    }
    this.#resolve(response);
  }

  /** A piece of the body arrived. */
  push(chunk: Buffer): void {
    if (this.#phase !== Phase.Streaming) return;
    const controller = this.#controller as ReadableStreamController<Uint8Array>;
    controller.enqueue(chunk);
    if ((controller.desiredSize ?? 0) <= 0) this.#body?.pause();
  }

  /** The body ended. */
  end(): void {
    if (this.#phase !== Phase.Streaming) return;
    this.#controller?.close();
    this.#settle(false);
  }

  /** The connection failed: before the response, the fetch rejects; after, the body errors. */
  fail(error: Error): void {
    if (this.#phase === Phase.Waiting) this.#reject(fetchFailed(error));
    else if (this.#phase === Phase.Streaming) this.#controller?.error(bodyTerminated(error));
    else return;
    this.#settle(true);
  }

  /** Settles the exchange; `destroy` drops the connection rather than returning it to the pool. */
  #settle(destroy: boolean): void {
    if (this.#phase === Phase.Done) return;
    this.#phase = Phase.Done;
    this.#signal?.removeEventListener('abort', this);
    if (destroy) {
      this.#request.destroy();
      this.#body?.destroy();
    }
  }
}

function onResponse(this: Tagged<ClientRequest>, res: IncomingMessage): void {
  this[exchangeOf].respond(res);
}

function onData(this: Tagged<Readable>, chunk: Buffer): void {
  this[exchangeOf].push(chunk);
}

function onEnd(this: Tagged<Readable>): void {
  this[exchangeOf].end();
}

function onError(this: Tagged<ClientRequest | Readable>, error: Error): void {
  this[exchangeOf].fail(error);
}
