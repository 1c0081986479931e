import { describe, expect, it } from 'vitest';
import { ProviderError } from '../core/provider-contract.ts';
import { classifyHttpStatus } from './classify-http-status.ts';
import { classifyTransportError } from './classify-transport-error.ts';
import { mapAnthropicStopReason, mapGeminiFinishReason, mapOpenAIFinishReason } from './map-finish-reason.ts';
import { parseGoogleRetryDelay, parseRetryAfter } from './parse-retry-after.ts';
import { redactSecret } from './redact-secret.ts';

const headers = (values: Record<string, string>) => new Headers(values);

describe('redactSecret', () => {
  const key = 'sk-proj-Abc123Def456Ghi789';

  it('removes the key, partial echoes of it, and whatever follows a credential header', () => {
    expect(redactSecret(`401: Incorrect API key provided: ${key}.`, key)).toBe('401: Incorrect API key provided: [redacted].');
    expect(redactSecret('key sk-proj-Abc1****Ghi789 is wrong', key)).toBe('key [redacted] is wrong');
    expect(redactSecret('sent {"Authorization": "Bearer other-token-1"} and x-goog-api-key: AIzaOther', undefined)).toBe('sent {"Authorization": "Bearer [redacted]"} and x-goog-api-key: [redacted]');
    expect(redactSecret('GET /v1beta/models?key=AIzaSecret&alt=sse', undefined)).toBe('GET /v1beta/models?key=[redacted]&alt=sse');
    expect(redactSecret('the model is not available', key)).toBe('the model is not available');
  });
});

describe('parseRetryAfter', () => {
  it('reads retry-after-ms first, then seconds, then an HTTP date', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Sun, 22 Nov 2026 01:00:10 GMT' }), Date.parse('2026-11-22T01:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('reads Gemini\'s RetryInfo delay from an error body', () => {
    expect(parseGoogleRetryDelay('{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"17s"}]}}')).toBe(17_000);
    expect(parseGoogleRetryDelay('{"retryDelay": "0.25s"}')).toBe(250);
    expect(parseGoogleRetryDelay('{}')).toBeUndefined();
  });
});

describe('classifyHttpStatus', () => {
  const classify = (status: number) => classifyHttpStatus({ provider: 'openai', status, message: 'no', retryAfterMs: 700, apiKeyVariable: 'OPENAI_API_KEY' });

  it('retries 429, 408, 409 and 5xx, carrying Retry-After; never 400, 401, 403, 404', () => {
    expect(classify(429)).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 700, status: 429 });
    expect(classify(408)).toMatchObject({ code: 'timeout', retryable: true });
    expect(classify(409)).toMatchObject({ code: 'server_error', retryable: true });
    expect(classify(503)).toMatchObject({ code: 'server_error', retryable: true, retryAfterMs: 700 });
    expect(classify(529)).toMatchObject({ code: 'server_error', retryable: true });
    expect(classify(400)).toMatchObject({ code: 'bad_request', retryable: false, retryAfterMs: undefined });
    expect(classify(401)).toMatchObject({ code: 'auth', retryable: false, message: 'openai 401: no (check the key in OPENAI_API_KEY)' });
    expect(classify(403)).toMatchObject({ code: 'auth', retryable: false });
    expect(classify(404)).toMatchObject({ code: 'not_found', retryable: false });
    expect(classify(422)).toMatchObject({ code: 'bad_request', retryable: false });
  });
});

describe('classifyTransportError', () => {
  const classify = (thrown: unknown) => classifyTransportError('google', thrown, (text) => text);

  it('tells timeouts, bad JSON and dropped connections apart, and does not retry the unexplained', () => {
    expect(classify(new DOMException('This operation was aborted', 'AbortError'))).toMatchObject({ code: 'timeout', retryable: true });
    expect(classify(new SyntaxError('Unexpected end of JSON input'))).toMatchObject({ code: 'malformed_response', retryable: true });
    expect(classify(new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }))).toMatchObject({ code: 'connection', retryable: true, message: 'google: the connection failed (fetch failed (read ECONNRESET))' });
    expect(classify(new TypeError('terminated'))).toMatchObject({ code: 'connection', retryable: true });
    expect(classify(new RangeError('bad index'))).toMatchObject({ code: 'unknown', retryable: false });
    const passed = new ProviderError('auth', 'x', { retryable: false });
    expect(classify(passed)).toBe(passed);
  });
});

describe('finish reasons', () => {
  it('map every provider\'s reasons onto the closed set', () => {
    expect(['stop', 'length', 'content_filter', 'tool_calls', 'function_call', 'weird'].map(mapOpenAIFinishReason)).toEqual(['stop', 'length', 'content_filter', 'tool_calls', 'tool_calls', 'other']);
    expect(['end_turn', 'stop_sequence', 'max_tokens', 'model_context_window_exceeded', 'tool_use', 'refusal', 'pause_turn'].map(mapAnthropicStopReason)).toEqual(['stop', 'stop', 'length', 'length', 'tool_calls', 'content_filter', 'other']);
    expect(['STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'MALFORMED_FUNCTION_CALL', 'OTHER'].map(mapGeminiFinishReason)).toEqual(['stop', 'length', 'content_filter', 'content_filter', 'other', 'other']);
  });
});
