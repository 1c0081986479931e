import type { IncomingHttpHeaders } from 'node:http';
import type { ProviderKind } from '../core/models-schema.ts';
import type { Usage } from '../core/provider-contract.ts';
import type { SimPrompt, SimReply, SimTokens } from '../sim/plan-sim-reply.ts';
import type { WireFormat } from './served-record.ts';
import type { LimitCheck } from './server-rate-limiter.ts';

/** A request as the router hands it to a wire format. */
export interface WireRequest {
  /** The body, parsed as JSON. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** The model named in the URL path (Gemini), if any. */
  readonly pathModel: string | undefined;
  /** Streaming chosen by the URL (Gemini's `streamGenerateContent`). */
  readonly pathStream: boolean;
}

/** What the simulator reads from a request, whatever its format. */
export interface WireCall {
  readonly model: string;
  readonly prompt: SimPrompt;
  readonly stream: boolean;
  /** Whether a stream reports usage (OpenAI: only with `stream_options.include_usage`). */
  readonly streamUsage: boolean;
  /** The request marked a prompt-cache breakpoint: Anthropic caches marked prefixes only. */
  readonly cacheMarked: boolean;
}

/** A reply ready to be written in a wire format. */
export interface WireReply {
  readonly id: string;
  readonly model: string;
  readonly reply: SimReply;
  /** The served usage, counted as the provider contract counts it. */
  readonly usage: Usage;
  /** The text cut into stream deltas. */
  readonly pieces: readonly string[];
  readonly streamUsage: boolean;
}

/** One server-sent event; `text` marks events that carry answer text (time to first token). */
export interface WireEvent {
  readonly event?: string;
  readonly data: string;
  readonly text: boolean;
}

/** Errors the server sends, each mapped to the format's status and body. */
export type WireErrorKind = 'bad_request' | 'auth' | 'not_found' | 'rate_limited' | 'server_error';

/** One provider's wire format, as the simulator speaks it. */
export interface WireProtocol {
  readonly format: WireFormat;
  /** Whose billing rules price this format's usage. */
  readonly provider: ProviderKind;
  /** Between server-sent events. */
  readonly eventSeparator: string;
  /** Reads a request; a string is what is wrong with it (a 400). */
  parse(request: WireRequest, fallbackSeed: (model: string, prompt: Omit<SimPrompt, 'seed'>) => number): WireCall | string;
  /** The usage this format reports for the simulator's token counts. */
  usage(tokens: SimTokens, call: WireCall): Usage;
  body(reply: WireReply): unknown;
  events(reply: WireReply): WireEvent[];
  errorStatus(kind: WireErrorKind): number;
  errorBody(kind: WireErrorKind, message: string, retryAfterMs: number | undefined): unknown;
  rateLimitHeaders(check: LimitCheck, now: number): Record<string, string>;
}
