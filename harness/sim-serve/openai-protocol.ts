import { z } from 'zod';
import { describeIssue, ContentSchema, flattenContent } from './flatten-content.ts';
import { formatResetDuration } from './format-reset.ts';
import type { WireErrorKind, WireProtocol, WireReply } from './wire-protocol.ts';

const RequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(z.object({ role: z.enum(['system', 'developer', 'user', 'assistant']), content: ContentSchema })).min(1),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  seed: z.number().int().nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
});

/** OpenAI's default when a request sets no limit: the model's own maximum. */
const defaultMaxTokens = 4096;

const errorTypes: Record<WireErrorKind, [number, string, string | null]> = {
  bad_request: [400, 'invalid_request_error', null],
  auth: [401, 'invalid_request_error', 'invalid_api_key'],
  not_found: [404, 'invalid_request_error', 'model_not_found'],
  rate_limited: [429, 'requests', 'rate_limit_exceeded'],
  server_error: [500, 'server_error', null],
};

function wireUsage({ usage }: WireReply) {
  const input = usage.inputTokens ?? 0;
  const output = usage.outputTokens ?? 0;
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

const created = () => Math.floor(Date.now() / 1000);

/** OpenAI Chat Completions (`POST /v1/chat/completions`), plain and streamed. */
export const openAIProtocol: WireProtocol = {
  format: 'openai',
  provider: 'openai',
  eventSeparator: '\n\n',
  parse({ body }, fallbackSeed) {
    const parsed = RequestSchema.safeParse(body);
    if (!parsed.success) return describeIssue(parsed.error);
    const request = parsed.data;
    const system = request.messages.filter((message) => message.role === 'system' || message.role === 'developer').map((message) => flattenContent(message.content));
    const messages = request.messages
      .filter((message) => message.role === 'user' || message.role === 'assistant')
      .map((message) => ({ role: message.role as 'user' | 'assistant', content: flattenContent(message.content) }));
    const prompt = { system: system.length === 0 ? undefined : system.join('\n'), messages, maxTokens: request.max_completion_tokens ?? request.max_tokens ?? defaultMaxTokens };
    return { model: request.model, prompt: { ...prompt, seed: request.seed ?? fallbackSeed(request.model, prompt) }, stream: request.stream === true, streamUsage: request.stream_options?.include_usage === true, cacheMarked: false };
  },
  usage(tokens) {
    // Caching is automatic; `prompt_tokens` includes the cached part and `completion_tokens` the reasoning.
    return { inputTokens: tokens.input, outputTokens: tokens.visible + tokens.reasoning, cachedInputTokens: tokens.cache.hit, cacheWriteTokens: null, reasoningTokens: tokens.reasoning };
  },
  body(reply) {
    return {
      id: reply.id,
      object: 'chat.completion',
      created: created(),
      model: reply.model,
      system_fingerprint: 'fp_baton_sim',
      choices: [{ index: 0, message: { role: 'assistant', content: reply.reply.text, refusal: null }, logprobs: null, finish_reason: reply.reply.finishReason }],
      usage: wireUsage(reply),
    };
  },
  events(reply) {
    const chunk = (choices: unknown[], extra: object = {}) => JSON.stringify({ id: reply.id, object: 'chat.completion.chunk', created: created(), model: reply.model, system_fingerprint: 'fp_baton_sim', choices, ...extra });
    return [
      { data: chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]), text: false },
      ...reply.pieces.map((piece) => ({ data: chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]), text: true })),
      { data: chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: reply.reply.finishReason }]), text: false },
      ...(reply.streamUsage ? [{ data: chunk([], { usage: wireUsage(reply) }), text: false }] : []),
      { data: '[DONE]', text: false },
    ];
  },
  errorStatus: (kind) => errorTypes[kind][0],
  errorBody(kind, message) {
    const [, type, code] = errorTypes[kind];
    return { error: { message, type, param: null, code } };
  },
  rateLimitHeaders({ requests, tokens }) {
    const headers: Record<string, string> = {};
    for (const [name, state] of [['requests', requests], ['tokens', tokens]] as const) {
      if (state === undefined) continue;
      headers[`x-ratelimit-limit-${name}`] = String(state.limit);
      headers[`x-ratelimit-remaining-${name}`] = String(state.remaining);
      headers[`x-ratelimit-reset-${name}`] = formatResetDuration(state.resetMs);
    }
    return headers;
  },
};
