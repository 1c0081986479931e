import { z } from 'zod';
import { describeIssue } from './flatten-content.ts';
import type { WireErrorKind, WireProtocol, WireReply } from './wire-protocol.ts';

const Parts = z.object({ parts: z.array(z.object({ text: z.string().optional() })).default([]) });

const RequestSchema = z.object({
  contents: z.array(Parts.extend({ role: z.string().optional() })).min(1),
  systemInstruction: Parts.optional(),
  generationConfig: z.object({ maxOutputTokens: z.number().int().positive().optional(), seed: z.number().int().optional() }).optional(),
});

/** The Gemini default output limit when a request sets none. */
const defaultMaxTokens = 8192;

const errorTypes: Record<WireErrorKind, [number, string]> = {
  bad_request: [400, 'INVALID_ARGUMENT'],
  // Gemini answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID, not 401.
  auth: [400, 'INVALID_ARGUMENT'],
  not_found: [404, 'NOT_FOUND'],
  rate_limited: [429, 'RESOURCE_EXHAUSTED'],
  server_error: [503, 'UNAVAILABLE'],
};

const text = (parts: z.infer<typeof Parts>) => parts.parts.map((part) => part.text ?? '').join('');

/** Proto3 JSON leaves zero counts out, as the real API does. */
function usageMetadata({ usage }: WireReply) {
  const prompt = usage.inputTokens ?? 0;
  const thoughts = usage.reasoningTokens ?? 0;
  const candidates = (usage.outputTokens ?? 0) - thoughts;
  const cached = usage.cachedInputTokens ?? 0;
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates + thoughts,
    ...(cached > 0 ? { cachedContentTokenCount: cached } : {}),
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  };
}

const finishReason = (reply: WireReply) => (reply.reply.finishReason === 'length' ? 'MAX_TOKENS' : 'STOP');

/** Gemini generateContent and streamGenerateContent (`?alt=sse`); the model is in the URL path. */
export const geminiProtocol: WireProtocol = {
  format: 'gemini',
  provider: 'google',
  eventSeparator: '\r\n\r\n',
  parse({ body, pathModel, pathStream }, fallbackSeed) {
    const parsed = RequestSchema.safeParse(body);
    if (!parsed.success) return describeIssue(parsed.error);
    if (pathModel === undefined) return 'the model name is missing from the URL';
    const request = parsed.data;
    const messages = request.contents.map((content) => ({ role: content.role === 'model' ? ('assistant' as const) : ('user' as const), content: text(content) }));
    const prompt = { system: request.systemInstruction === undefined ? undefined : text(request.systemInstruction), messages, maxTokens: request.generationConfig?.maxOutputTokens ?? defaultMaxTokens };
    return { model: pathModel, prompt: { ...prompt, seed: request.generationConfig?.seed ?? fallbackSeed(pathModel, prompt) }, stream: pathStream, streamUsage: true, cacheMarked: false };
  },
  usage(tokens) {
    // Implicit caching; the prompt count includes the cached part, the candidates count leaves thoughts out.
    return { inputTokens: tokens.input, outputTokens: tokens.visible + tokens.reasoning, cachedInputTokens: tokens.cache.hit, cacheWriteTokens: null, reasoningTokens: tokens.reasoning };
  },
  body(reply) {
    return {
      candidates: [{ content: { parts: [{ text: reply.reply.text }], role: 'model' }, finishReason: finishReason(reply), index: 0 }],
      usageMetadata: usageMetadata(reply),
      modelVersion: reply.model,
      responseId: reply.id,
    };
  },
  events(reply) {
    const pieces = reply.pieces.length === 0 ? [''] : reply.pieces;
    const final = usageMetadata(reply);
    return pieces.map((piece, index) => {
      const last = index === pieces.length - 1;
      // Every chunk carries the running usage; the last one the whole of it.
      const usage = last ? final : { promptTokenCount: final.promptTokenCount, totalTokenCount: final.promptTokenCount, promptTokensDetails: final.promptTokensDetails };
      const candidate = { content: { parts: [{ text: piece }], role: 'model' }, index: 0, ...(last ? { finishReason: finishReason(reply) } : {}) };
      return { data: JSON.stringify({ candidates: [candidate], usageMetadata: usage, modelVersion: reply.model, responseId: reply.id }), text: piece !== '' };
    });
  },
  errorStatus: (kind) => errorTypes[kind][0],
  errorBody(kind, message, retryAfterMs) {
    const [code, status] = errorTypes[kind];
    const details =
      kind === 'rate_limited' && retryAfterMs !== undefined ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${Number((retryAfterMs / 1000).toFixed(3))}s` }]
      : kind === 'auth' ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]
      : undefined;
    return { error: { code, message, status, ...(details === undefined ? {} : { details }) } };
  },
  rateLimitHeaders: () => ({}),
};
