import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { fleetModel, simTestKey, startSimServeFixture } from '../../test/helpers/sim-serve-fixture.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';

const dir = createTempDir();
let fixture: SimServeFixture;

beforeAll(async () => {
  fixture = await startSimServeFixture(dir, [
    fleetModel('limited', { reasoning_tokens: 30 }, { limits: { rpm: 60, tpm: 100_000, concurrency: 4 } }),
    fleetModel('cached', { cache: { hit_rate: 1, min_tokens: 8 } }),
  ]);
});

afterAll(async () => {
  await fixture?.close();
  dir.remove();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fixture.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${simTestKey}`, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const chat = (model: string, extra: object = {}) => ({ model, messages: [{ role: 'user', content: 'What is 1 + 3?' }], max_completion_tokens: 64, seed: 5, ...extra });

/** Server-sent events of a response, as `[event, data]` pairs. */
async function events(response: Response): Promise<[string | undefined, string][]> {
  const text = await response.text();
  return text.split(/\r?\n\r?\n/).filter((block) => block.trim() !== '').map((block) => {
    const event = /^event: (.*)$/m.exec(block)?.[1];
    return [event, /^data: (.*)$/m.exec(block)?.[1] ?? ''];
  });
}

describe('sim-serve', () => {
  it('sends the providers\' rate-limit headers, and 429 with Retry-After past the model\'s limit', async () => {
    const first = await post('/v1/chat/completions', chat('limited'));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('60');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('100000');
    expect(first.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(\.\d+)?m?s$/);
    const anthropic = await post('/v1/messages', { model: 'limited', max_tokens: 64, messages: [{ role: 'user', content: 'What is 1 + 3?' }] });
    expect(anthropic.status).toBe(200);
    expect(anthropic.headers.get('anthropic-ratelimit-requests-remaining')).toBe('1');
    expect(anthropic.headers.get('anthropic-ratelimit-requests-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await post('/v1/chat/completions', chat('limited'));
    const refused = await post('/v1/chat/completions', chat('limited'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after-ms'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limit_exceeded');
    const gemini = await post('/v1beta/models/limited:generateContent', { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, { 'x-goog-api-key': simTestKey });
    expect(gemini.status).toBe(429);
    const body = (await gemini.json()) as { error: { status: string; details: { retryDelay?: string }[] } };
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details[0]?.retryDelay).toMatch(/^\d+(\.\d+)?s$/);
    expect(fixture.server.served().filter((entry) => entry.model === 'limited').map((entry) => entry.outcome)).toEqual(['ok', 'ok', 'ok', 'rate_limited', 'rate_limited']);
  });

  it('streams usage only when asked (OpenAI include_usage), and records what it delivered', async () => {
    const without = await events(await post('/v1/chat/completions', chat('cached', { stream: true })));
    expect(without.at(-1)?.[1]).toBe('[DONE]');
    expect(without.some(([, data]) => data.includes('"usage"'))).toBe(false);
    expect(fixture.server.served().at(-1)).toMatchObject({ outcome: 'ok', usage: null, costUsd: null });
    const withUsage = await events(await post('/v1/chat/completions', chat('cached', { stream: true, stream_options: { include_usage: true }, messages: [{ role: 'system', content: 'Be brief and exact, always.' }, { role: 'user', content: 'What is 1 + 3?' }] })));
    const usage = JSON.parse(withUsage.at(-2)?.[1] ?? '{}') as { usage: { prompt_tokens: number; prompt_tokens_details: { cached_tokens: number } } };
    expect(usage.usage.prompt_tokens_details.cached_tokens).toBe(Math.ceil('Be brief and exact, always.'.length / 4) + 4);
    expect(fixture.server.served().at(-1)?.usage).toMatchObject({ inputTokens: usage.usage.prompt_tokens, cachedInputTokens: usage.usage.prompt_tokens_details.cached_tokens });
  });

  it('speaks Anthropic\'s event stream, with cache reads and writes only for a marked prefix', async () => {
    const request = (marked: boolean) => ({
      model: 'cached', max_tokens: 64, stream: true, messages: [{ role: 'user', content: 'What is 1 + 3?' }],
      system: [{ type: 'text', text: 'Be brief and exact, always.', ...(marked ? { cache_control: { type: 'ephemeral' } } : {}) }],
    });
    const marked = await events(await post('/v1/messages', request(true), { 'x-baton-seed': '9' }));
    expect(marked.map(([event]) => event)).toEqual(['message_start', 'content_block_start', 'ping', ...marked.filter(([event]) => event === 'content_block_delta').map(() => 'content_block_delta'), 'content_block_stop', 'message_delta', 'message_stop']);
    const delta = JSON.parse(marked.find(([event]) => event === 'message_delta')?.[1] ?? '{}') as { usage: Record<string, number> };
    const prefix = Math.ceil('Be brief and exact, always.'.length / 4) + 4;
    expect(delta.usage).toMatchObject({ cache_read_input_tokens: prefix, cache_creation_input_tokens: 0 });
    expect(fixture.server.served().at(-1)).toMatchObject({ seed: 9, usage: { cachedInputTokens: prefix, inputTokens: (delta.usage.input_tokens ?? 0) + prefix } });
    const unmarked = await events(await post('/v1/messages', request(false), { 'x-baton-seed': '9' }));
    expect(JSON.parse(unmarked.find(([event]) => event === 'message_delta')?.[1] ?? '{}')).toMatchObject({ usage: { cache_read_input_tokens: 0 } });
  });

  it('refuses bad JSON, a missing key and unknown routes in each format\'s own shape', async () => {
    expect((await post('/v1/chat/completions', '{"model": ')).status).toBe(400);
    expect((await post('/v1/chat/completions', chat('cached'), { authorization: '' })).status).toBe(401);
    const gemini = await post('/v1beta/models/cached:generateContent', { contents: [{ parts: [{ text: 'hi' }] }] }, { authorization: '', 'x-goog-api-key': 'wrong' });
    expect(gemini.status).toBe(400);
    expect(JSON.stringify(await gemini.json())).toContain('API_KEY_INVALID');
    expect((await post('/v2/nothing', {})).status).toBe(404);
    expect(await (await fetch(`${fixture.server.url}/health`)).json()).toMatchObject({ ok: true, simulated: true, models: ['limited', 'cached'] });
  });
});
