import { z } from 'zod';
import { describeIssue, flattenContent } from './flatten-content.ts';
import type { WireErrorKind, WireProtocol, WireReply } from './wire-protocol.ts';

const CacheControl = z.object({ type: z.string() }).nullish();
const Block = z.object({ type: z.string().optional(), text: z.string().optional(), cache_control: CacheControl });

const RequestSchema = z.object({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.union([z.string(), z.array(Block)]) })).min(1),
  system: z.union([z.string(), z.array(Block)]).optional(),
  cache_control: CacheControl,
  stream: z.boolean().optional(),
});

const seedHeader = 'x-baton-seed';

const errorTypes: Record<WireErrorKind, [number, string]> = {
  bad_request: [400, 'invalid_request_error'],
  auth: [401, 'authentication_error'],
  not_found: [404, 'not_found_error'],
  rate_limited: [429, 'rate_limit_error'],
  // Anthropic's busiest failure: 529 overloaded, retryable like any 5xx.
  server_error: [529, 'overloaded_error'],
};

/** Anthropic's `input_tokens` leaves out cache reads and writes, which it reports apart. */
function wireUsage({ usage }: WireReply) {
  const read = usage.cachedInputTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  return {
    input_tokens: (usage.inputTokens ?? 0) - read - written,
    cache_creation_input_tokens: written,
    cache_read_input_tokens: read,
    output_tokens: usage.outputTokens ?? 0,
    output_tokens_details: { thinking_tokens: usage.reasoningTokens ?? 0 },
    service_tier: 'standard',
  };
}

const stopReason = (reply: WireReply) => (reply.reply.finishReason === 'length' ? 'max_tokens' : 'end_turn');

/** Anthropic Messages (`POST /v1/messages`), plain and streamed; the attempt seed comes in `x-baton-seed`. */
export const anthropicProtocol: WireProtocol = {
  format: 'anthropic',
  provider: 'anthropic',
  eventSeparator: '\n\n',
  parse({ body, headers }, fallbackSeed) {
    const parsed = RequestSchema.safeParse(body);
    if (!parsed.success) return describeIssue(parsed.error);
    const request = parsed.data;
    const system = request.system === undefined ? undefined : flattenContent(request.system);
    const messages = request.messages.map((message) => ({ role: message.role, content: flattenContent(message.content) }));
    const blocks = [...(Array.isArray(request.system) ? request.system : []), ...request.messages.flatMap((message) => (Array.isArray(message.content) ? message.content : []))];
    const cacheMarked = request.cache_control != null || blocks.some((block) => block.cache_control != null);
    const prompt = { system, messages, maxTokens: request.max_tokens };
    const header = Number(headers[seedHeader]);
    const seed = Number.isSafeInteger(header) ? header : fallbackSeed(request.model, prompt);
    return { model: request.model, prompt: { ...prompt, seed }, stream: request.stream === true, streamUsage: true, cacheMarked };
  },
  usage(tokens, call) {
    // Only a marked prefix is cached: a hit is a cache read, a miss a cache write billed apart.
    const read = call.cacheMarked ? tokens.cache.hit : 0;
    const written = call.cacheMarked ? tokens.cache.missed : 0;
    return { inputTokens: tokens.input, outputTokens: tokens.visible + tokens.reasoning, cachedInputTokens: read, cacheWriteTokens: written, reasoningTokens: tokens.reasoning };
  },
  body(reply) {
    return { id: reply.id, type: 'message', role: 'assistant', model: reply.model, content: [{ type: 'text', text: reply.reply.text }], stop_reason: stopReason(reply), stop_sequence: null, usage: wireUsage(reply) };
  },
  events(reply) {
    const usage = wireUsage(reply);
    const event = (type: string, payload: object, text = false) => ({ event: type, data: JSON.stringify({ type, ...payload }), text });
    return [
      event('message_start', { message: { id: reply.id, type: 'message', role: 'assistant', model: reply.model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1, output_tokens_details: null } } }),
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      event('ping', {}),
      ...reply.pieces.map((piece) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } }, true)),
      event('content_block_stop', { index: 0 }),
      event('message_delta', { delta: { stop_reason: stopReason(reply), stop_sequence: null }, usage }),
      event('message_stop', {}),
    ];
  },
  errorStatus: (kind) => errorTypes[kind][0],
  errorBody(kind, message) {
    return { type: 'error', error: { type: errorTypes[kind][1], message }, request_id: `req_sim_${Date.now().toString(36)}` };
  },
  rateLimitHeaders({ requests, tokens }, now) {
    const headers: Record<string, string> = {};
    for (const [name, state] of [['requests', requests], ['tokens', tokens]] as const) {
      if (state === undefined) continue;
      headers[`anthropic-ratelimit-${name}-limit`] = String(state.limit);
      headers[`anthropic-ratelimit-${name}-remaining`] = String(state.remaining);
      headers[`anthropic-ratelimit-${name}-reset`] = new Date(now + state.resetMs).toISOString().replace(/\.\d+Z$/, 'Z');
    }
    return headers;
  },
};
