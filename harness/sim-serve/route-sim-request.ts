import { anthropicProtocol } from './anthropic-protocol.ts';
import { geminiProtocol } from './gemini-protocol.ts';
import { openAIProtocol } from './openai-protocol.ts';
import type { WireProtocol } from './wire-protocol.ts';

/** Where a request goes: its wire format, and what the URL itself says. */
export interface SimRoute {
  readonly protocol: WireProtocol;
  readonly pathModel: string | undefined;
  readonly pathStream: boolean;
}

const geminiPath = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/**
 * The route of a `POST`: OpenAI `/v1/chat/completions`, Anthropic `/v1/messages`, Gemini
 * `/v1beta/models/{model}:generateContent` and `:streamGenerateContent`; `undefined` otherwise.
 */
export function routeSimRequest(method: string | undefined, url: URL): SimRoute | undefined {
  if (method !== 'POST') return undefined;
  if (url.pathname === '/v1/chat/completions') return { protocol: openAIProtocol, pathModel: undefined, pathStream: false };
  if (url.pathname === '/v1/messages') return { protocol: anthropicProtocol, pathModel: undefined, pathStream: false };
  const gemini = geminiPath.exec(url.pathname);
  if (gemini?.[1] === undefined) return undefined;
  return { protocol: geminiProtocol, pathModel: decodeURIComponent(gemini[1]), pathStream: gemini[2] === 'streamGenerateContent' };
}
