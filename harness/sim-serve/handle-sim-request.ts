import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { computeCost } from '../cost/compute-cost.ts';
import { resolvePrice } from '../cost/resolve-price.ts';
import { simRetryAfterMs } from '../sim/create-sim-provider.ts';
import { hash32 } from '../sim/hash-random.ts';
import { planSimReply } from '../sim/plan-sim-reply.ts';
import { presentedKey } from './presented-key.ts';
import { sendReply } from './send-reply.ts';
import type { ServedEntry } from './served-record.ts';
import type { SimServerState } from './sim-server-state.ts';
import { splitPieces } from './split-pieces.ts';
import type { WireErrorKind, WireProtocol } from './wire-protocol.ts';

/** A routed request, body read. */
export interface SimRequest {
  readonly body: Buffer;
  readonly headers: IncomingHttpHeaders;
  readonly url: URL;
  readonly pathModel: string | undefined;
  readonly pathStream: boolean;
}

/**
 * Serves one request the way the provider would: validation, the key, the model, the model's
 * rate limits, then an injected fault or the simulated reply. Every request ends in exactly one
 * record entry, written when its response has ended.
 */
export async function handleSimRequest(state: SimServerState, protocol: WireProtocol, request: SimRequest, res: ServerResponse): Promise<void> {
  const entry: { -readonly [K in keyof ServedEntry]: ServedEntry[K] } = {
    sequence: state.record.nextSequence(), receivedAt: Date.now(), format: protocol.format, model: request.pathModel ?? '', modelId: undefined, seed: undefined,
    stream: request.pathStream, status: 0, outcome: 'bad_request', retryAfterMs: undefined, usage: null, costUsd: null,
  };
  // Aborts when the client leaves before the reply is complete. Closing the server ends every
  // connection, so this covers `state.closing` too; a signal combined with AbortSignal.any, and
  // an abort on every normal close, were a tenth of the server's time per request.
  const leaving = new AbortController();
  if (state.closing.aborted) leaving.abort(state.closing.reason);
  res.once('close', () => {
    if (!res.writableFinished) leaving.abort(new Error('the client closed the connection'));
  });
  const { signal } = leaving;
  const refuse = (kind: WireErrorKind, message: string, headers: Record<string, string> = {}, retryAfterMs?: number) => {
    entry.status = protocol.errorStatus(kind);
    entry.retryAfterMs = retryAfterMs;
    const retry = retryAfterMs === undefined || protocol.format === 'gemini' ? {} : { 'retry-after': String(Math.ceil(retryAfterMs / 1000)), 'retry-after-ms': String(Math.round(retryAfterMs)) };
    res.writeHead(entry.status, { ...headers, ...retry, 'content-type': 'application/json' });
    res.end(JSON.stringify(protocol.errorBody(kind, message, retryAfterMs)));
  };
  try {
    // The key first, as providers do: an unauthenticated request learns nothing about its body.
    const key = presentedKey(request.headers, request.url);
    if (state.apiKey !== undefined && key !== state.apiKey) {
      entry.outcome = 'auth';
      // Echoes the key like a careless proxy would, so that clients' redaction is tested for real.
      return refuse('auth', `Incorrect API key provided: ${key ?? '(none)'}.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(request.body.toString('utf8'));
    } catch {
      return refuse('bad_request', 'the request body is not valid JSON');
    }
    const call = protocol.parse({ body: json, headers: request.headers, pathModel: request.pathModel, pathStream: request.pathStream }, (model, prompt) =>
      hash32('unseeded', model, prompt.system ?? '', ...prompt.messages.map((message) => message.content)),
    );
    if (typeof call === 'string') return refuse('bad_request', call);
    Object.assign(entry, { model: call.model, seed: call.prompt.seed, stream: call.stream });
    const model = state.fleet.find(call.model);
    if (model === undefined) {
      entry.outcome = 'not_found';
      return refuse('not_found', `The model \`${call.model}\` does not exist in this simulated fleet.`);
    }
    entry.modelId = model.id;
    const reply = planSimReply(model, state.oracle, call.prompt);
    const now = Date.now();
    const charged = reply.tokens.input + call.prompt.maxTokens;
    const limiter = state.limiters.get(model.id);
    const check = limiter?.admit(charged, now);
    const limitHeaders = check === undefined ? {} : protocol.rateLimitHeaders(check, now);
    if (check !== undefined && check.retryAfterMs > 0) {
      entry.outcome = 'rate_limited';
      return refuse('rate_limited', `Rate limit reached for ${call.model}; retry after ${Math.ceil(check.retryAfterMs)} ms.`, limitHeaders, check.retryAfterMs);
    }
    const fault = state.faults.next(model, call.prompt.seed);
    entry.outcome = fault ?? 'ok';
    if (fault === 'rate_limit') return refuse('rate_limited', 'Simulated rate limit.', limitHeaders, simRetryAfterMs * state.timeScale);
    if (fault === 'server_error') return refuse('server_error', 'Simulated server error.', limitHeaders);
    if (fault === 'connection_reset') return void res.socket?.resetAndDestroy();
    if (fault === 'timeout') return await stall(signal);
    const usage = protocol.usage(reply.tokens, call);
    const wire = { id: `sim-${entry.sequence}`, model: call.model, reply, usage, pieces: splitPieces(reply.text), streamUsage: call.streamUsage };
    entry.status = 200;
    const end = await sendReply(res, { protocol, reply: wire, stream: call.stream, timing: reply.timing, timeScale: state.timeScale, damage: fault, headers: limitHeaders, signal });
    if (end === 'client_closed') entry.outcome = 'client_closed';
    if (end !== 'sent') return;
    limiter?.settle(charged, (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0));
    if (call.stream && !call.streamUsage) return;
    entry.usage = usage;
    entry.costUsd = computeCost(usage, resolvePrice({ provider: protocol.provider, model: model.model, price: model.price }, state.priceTable, new Date()).price);
  } finally {
    state.record.add({ ...entry });
  }
}

/** A stall: no response at all until the client gives up or the server closes. */
async function stall(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
