import type { GenerateContentConfig, GoogleGenAI } from '@google/genai';
import { z } from 'zod';
import type { ProviderRequest, ProviderResponse } from '../core/provider-contract.ts';
import { mapGeminiFinishReason } from './map-finish-reason.ts';
import { GeminiUsageSchema, mapGeminiUsage, type GeminiUsage } from './map-gemini-usage.ts';
import { incompleteStream, parseProviderBody } from './parse-provider-body.ts';
import { createStreamText } from './stream-text.ts';

const provider = 'google';

const ResponseSchema = z.object({
  candidates: z
    .array(z.object({
      content: z.object({ parts: z.array(z.object({ text: z.string().optional(), thought: z.boolean().optional() })).default([]) }).optional(),
      finishReason: z.string().optional(),
    }))
    .default([]),
  usageMetadata: GeminiUsageSchema.optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
});
type GeminiResponse = z.infer<typeof ResponseSchema>;

/** Visible text of a response: thought summaries, when a model sends them, are not the answer. */
function visibleText(response: GeminiResponse): string {
  return (response.candidates[0]?.content?.parts ?? []).map((part) => (part.thought === true ? '' : (part.text ?? ''))).join('');
}

/** The finish reason of a response, or of a prompt the API blocked before generating. */
function finishOf(response: GeminiResponse): string | undefined {
  return response.candidates[0]?.finishReason ?? (response.promptFeedback?.blockReason === undefined ? undefined : 'SAFETY');
}

/**
 * One generateContent call, streamed (`streamGenerateContent?alt=sse`) or plain. Each streamed
 * chunk carries the running usage, so the last one seen is the call's usage.
 */
export async function callGeminiGenerate(client: GoogleGenAI, request: ProviderRequest, stream: boolean): Promise<ProviderResponse> {
  const started = performance.now();
  const config: GenerateContentConfig = {
    abortSignal: request.signal,
    temperature: request.temperature,
    maxOutputTokens: request.maxTokens,
    seed: request.seed,
    // The harness owns retries: no resumed streams behind its back.
    automaticContinuation: false,
    ...(request.system === undefined ? {} : { systemInstruction: request.system }),
    ...(request.topP === undefined ? {} : { topP: request.topP }),
    ...(request.stop === undefined ? {} : { stopSequences: [...request.stop] }),
  };
  const contents = request.messages.map((message) => ({ role: message.role === 'assistant' ? 'model' : 'user', parts: [{ text: message.content }] }));
  const params = { model: request.model, contents, config };
  if (!stream) {
    const response = parseProviderBody(provider, ResponseSchema, await client.models.generateContent(params));
    const finish = finishOf(response);
    if (finish === undefined) throw incompleteStream(provider);
    return { text: visibleText(response), finishReason: mapGeminiFinishReason(finish), usage: mapGeminiUsage(response.usageMetadata), ttftMs: null, warnings: [] };
  }
  const chunks = await client.models.generateContentStream(params);
  const text = createStreamText(started);
  let usage: GeminiUsage | undefined;
  let finish: string | undefined;
  for await (const raw of chunks) {
    const chunk = parseProviderBody(provider, ResponseSchema, raw);
    text.add(visibleText(chunk));
    usage = chunk.usageMetadata ?? usage;
    finish = finishOf(chunk) ?? finish;
  }
  request.signal.throwIfAborted();
  if (finish === undefined) throw incompleteStream(provider);
  return { text: text.text, finishReason: mapGeminiFinishReason(finish), usage: mapGeminiUsage(usage), ttftMs: text.ttftMs, warnings: [] };
}
