import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundledPriceTable } from '../cost/bundled-prices.ts';
import type { PriceTable } from '../cost/price-table.ts';
import { createSimFaultSequence } from '../sim/sim-fault-sequence.ts';
import type { SimOracle } from '../sim/sim-oracle.ts';
import { handleSimRequest } from './handle-sim-request.ts';
import { routeSimRequest } from './route-sim-request.ts';
import { createServedRecord, type ServedEntry, type ServedOutcome } from './served-record.ts';
import { createServerRateLimiter } from './server-rate-limiter.ts';
import type { SimFleet } from './sim-fleet.ts';
import type { SimServerState } from './sim-server-state.ts';

/** Settings of {@link startSimServer}. */
export interface SimServerOptions {
  /** The simulated models to serve. */
  readonly fleet: SimFleet;
  /** The answer key: which task a prompt is. */
  readonly oracle: SimOracle;
  /** Loopback by default: the simulator is for local clients. Default `127.0.0.1`. */
  readonly host?: string | undefined;
  /** Default 0: a free port, read back from `url`. */
  readonly port?: number | undefined;
  /** Multiplies simulated latency and Retry-After; 0 answers at once. Default 1. */
  readonly timeScale?: number | undefined;
  /** When set, every request must present this key (else 401, or Gemini's 400 API_KEY_INVALID). */
  readonly apiKey?: string | undefined;
  /** Prices the server's cost record where the fleet names none. Default: the bundled table. */
  readonly priceTable?: PriceTable | undefined;
  /** Keep every request in the record (tests, the demo's check), or only counts per outcome. Default true. */
  readonly keepRecord?: boolean | undefined;
}

/** A running simulator. */
export interface SimServer {
  /** E.g. `http://127.0.0.1:41234`: base URL of Anthropic and Gemini clients; OpenAI clients add `/v1`. */
  readonly url: string;
  readonly port: number;
  /** The server's own record of what it served, in arrival order (empty with `keepRecord: false`). */
  served(): readonly ServedEntry[];
  /** Requests per outcome so far. */
  outcomes(): Readonly<Partial<Record<ServedOutcome, number>>>;
  /** Stops accepting, ends stalled and open connections, and resolves when closed. */
  close(): Promise<void>;
}

/** Largest request body accepted. */
const maxBodyBytes = 10 * 1024 * 1024;

/** Starts `sim-serve`: the simulated fleet over HTTP in the OpenAI, Anthropic and Gemini wire formats. */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const closing = new AbortController();
  const state: SimServerState = {
    fleet: options.fleet,
    oracle: options.oracle,
    timeScale: options.timeScale ?? 1,
    apiKey: options.apiKey,
    record: createServedRecord(options.keepRecord ?? true),
    faults: createSimFaultSequence(),
    limiters: new Map(options.fleet.models.map((model) => [model.id, createServerRateLimiter(model.limits)])),
    priceTable: options.priceTable ?? bundledPriceTable,
    closing: closing.signal,
  };
  const server = createServer((req, res) => {
    serve(state, req, res).catch(() => {
      // A handler failure must not take the server down: the client sees a dropped connection.
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    served: () => state.record.entries(),
    outcomes: () => state.record.outcomes(),
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort(new Error('sim-serve is closing'));
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(state: SimServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim-serve.local');
  if (req.method === 'GET' && url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, simulated: true, models: state.fleet.models.map((model) => model.model) }));
    return;
  }
  const route = routeSimRequest(req.method, url);
  if (route === undefined) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `sim-serve has no route for ${req.method ?? '?'} ${url.pathname}`, code: 404 } }));
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ error: { message: `request body over ${maxBodyBytes} bytes`, code: 413 } }));
    return;
  }
  await handleSimRequest(state, route.protocol, { body, headers: req.headers, url, pathModel: route.pathModel, pathStream: route.pathStream }, res);
}

/** The request body, or `undefined` when it is too large. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
