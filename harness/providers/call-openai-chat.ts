import type OpenAI from 'openai';
import { z } from 'zod';
import type { ProviderRequest, ProviderResponse } from '../core/provider-contract.ts';
import { mapOpenAIFinishReason } from './map-finish-reason.ts';
import { mapOpenAIUsage, OpenAIUsageSchema, type OpenAIUsage } from './map-openai-usage.ts';
import { incompleteStream, parseProviderBody } from './parse-provider-body.ts';
import { createStreamText } from './stream-text.ts';

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }), finish_reason: z.string().nullish() })).min(1),
  usage: OpenAIUsageSchema.nullish(),
});

const ChunkSchema = z.object({
  choices: z.array(z.object({ delta: z.object({ content: z.string().nullish() }).nullish(), finish_reason: z.string().nullish() })).default([]),
  usage: OpenAIUsageSchema.nullish(),
});

/** How one server family reads a chat request. */
export interface ChatDialect {
  /** Label in messages. */
  readonly provider: 'openai' | 'openai-compatible';
  /**
   * OpenAI's reasoning models refuse `max_tokens` and read `max_completion_tokens`; most
   * compatible servers (vLLM, Ollama, llama.cpp) read `max_tokens`.
   */
  readonly maxTokensField: 'max_completion_tokens' | 'max_tokens';
}

/**
 * One Chat Completions call, streamed (with `stream_options.include_usage`, so the last chunk
 * carries usage) or plain. Errors propagate as the SDK threw them; the adapter classifies them.
 */
export async function callOpenAIChat(client: OpenAI, request: ProviderRequest, stream: boolean, dialect: ChatDialect): Promise<ProviderResponse> {
  const started = performance.now();
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    ...(request.system === undefined ? [] : [{ role: 'system' as const, content: request.system }]),
    ...request.messages.map((message) => ({ role: message.role, content: message.content })),
  ];
  const body = {
    model: request.model,
    messages,
    temperature: request.temperature,
    seed: request.seed,
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.stop === undefined ? {} : { stop: [...request.stop] }),
    ...(dialect.maxTokensField === 'max_tokens' ? { max_tokens: request.maxTokens } : { max_completion_tokens: request.maxTokens }),
  };
  if (!stream) {
    const completion = parseProviderBody(dialect.provider, CompletionSchema, await client.chat.completions.create({ ...body, stream: false }, { signal: request.signal }));
    const [choice] = completion.choices;
    return {
      text: choice?.message.content ?? '',
      finishReason: mapOpenAIFinishReason(choice?.finish_reason ?? 'other'),
      usage: mapOpenAIUsage(completion.usage),
      ttftMs: null,
      warnings: [],
    };
  }
  const chunks = await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal: request.signal });
  const text = createStreamText(started);
  let finishReason: string | undefined;
  let usage: OpenAIUsage | undefined;
  for await (const raw of chunks) {
    const chunk = parseProviderBody(dialect.provider, ChunkSchema, raw);
    usage = chunk.usage ?? usage;
    const [choice] = chunk.choices;
    text.add(choice?.delta?.content);
    finishReason = choice?.finish_reason ?? finishReason;
  }
  // The SDK ends a stream quietly when the call is aborted; a partial answer must not pass as whole.
  request.signal.throwIfAborted();
  if (finishReason === undefined) throw incompleteStream(dialect.provider);
  return { text: text.text, finishReason: mapOpenAIFinishReason(finishReason), usage: mapOpenAIUsage(usage), ttftMs: text.ttftMs, warnings: [] };
}
