/**
 * The contract between the runner and a model. Small and slow-changing on purpose:
 * each provider adapter maps its SDK onto these types and nothing else.
 */

/** One message of a chat request. */
export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface ProviderRequest {
  /** The provider's own model name. */
  readonly model: string;
  readonly system: string | undefined;
  readonly messages: readonly ChatMessage[];
  readonly maxTokens: number;
  readonly temperature: number;
  readonly topP: number | undefined;
  readonly stop: readonly string[] | undefined;
  /** Derived from (run seed, task, repeat); passed as the sampling seed where the API has one. */
  readonly seed: number;
  /** Aborts the call: per-attempt timeout or run interruption. */
  readonly signal: AbortSignal;
}

/** The closed set of reasons a generation ended. */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'other';

/** Token usage as the API reported it. `null` means the API did not say: never a silent 0. */
export interface Usage {
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  /** Input tokens served from the prompt cache (included in `inputTokens`). */
  readonly cachedInputTokens: number | null;
  /** Input tokens written to the prompt cache, where billed apart. */
  readonly cacheWriteTokens: number | null;
  /** Hidden reasoning tokens (included in `outputTokens`). */
  readonly reasoningTokens: number | null;
}

export interface ProviderResponse {
  readonly text: string;
  readonly finishReason: FinishReason;
  readonly usage: Usage;
  /** Time to first token, ms, when the call streamed. */
  readonly ttftMs: number | null;
  /** Settings the provider could not honour. */
  readonly warnings: readonly string[];
}

/** The closed set of failure codes stored on failed attempts. */
export type ProviderErrorCode =
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'connection'
  | 'malformed_response'
  | 'bad_request'
  | 'auth'
  | 'not_found'
  | 'aborted'
  | 'unknown';

/** One limit as a server's rate-limit headers describe it; a field the server did not send is `undefined`. */
export interface AdvertisedLimit {
  /** The limit per minute (`x-ratelimit-limit-*`, `anthropic-ratelimit-*-limit`). */
  readonly limit: number | undefined;
  /** What is left now (`x-ratelimit-remaining-*`, `anthropic-ratelimit-*-remaining`). */
  readonly remaining: number | undefined;
  /** Ms until the limit is full again (`x-ratelimit-reset-*`, `anthropic-ratelimit-*-reset`). */
  readonly resetMs: number | undefined;
}

/** The request and token limits a server advertised on a response. */
export interface AdvertisedRateLimits {
  readonly requests: AdvertisedLimit | undefined;
  /** Input + output tokens. */
  readonly tokens: AdvertisedLimit | undefined;
}

/** A failed call, classified. Retry decisions are the scheduler's, from these fields. */
export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  /** From Retry-After (or the provider's equivalent), when the server sent one. */
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  /** The limits a 429's headers advertised, when it sent any: the scheduler paces by them. */
  readonly rateLimits: AdvertisedRateLimits | undefined;

  constructor(
    code: ProviderErrorCode,
    message: string,
    options: {
      retryable: boolean;
      retryAfterMs?: number | undefined;
      status?: number | undefined;
      rateLimits?: AdvertisedRateLimits | undefined;
    },
  ) {
    super(message);
    this.name = 'ProviderError';
    this.code = code;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
    this.rateLimits = options.rateLimits;
  }
}

/** A model the runner can call. Built by a `create*Provider` factory from a model config. */
export interface Provider {
  /** The model config id. */
  readonly id: string;
  /** Bucket that limits apply to: provider account + model. */
  readonly connectionKey: string;
  /** True for simulated models: every artifact built from them says so. */
  readonly simulated: boolean;
  generate(request: ProviderRequest): Promise<ProviderResponse>;
  /**
   * Loads what the first call needs (the SDK, the client) ahead of the run, so that the first
   * call's latency and timeout measure the call, not an import. Optional; never calls the API.
   */
  prepare?(): Promise<void>;
}
