import { describe, expect, it } from 'vitest';
import { mapAnthropicUsage, mergeAnthropicUsage } from '../providers/map-anthropic-usage.ts';
import { mapGeminiUsage } from '../providers/map-gemini-usage.ts';
import { mapOpenAIUsage } from '../providers/map-openai-usage.ts';
import { applyBillingDefaults } from './apply-billing-defaults.ts';
import { bundledPriceTable } from './bundled-prices.ts';
import { computeCost } from './compute-cost.ts';
import { resolvePrice } from './resolve-price.ts';

/**
 * Golden costs: each usage block is what the provider's API returns; each expected cost is worked
 * by hand in the comment above it, the way the provider's pricing page bills.
 */
describe('cost of each provider\'s usage shape', () => {
  it('OpenAI: cached input at its rate, reasoning inside completion tokens billed as output', () => {
    const usage = mapOpenAIUsage({ prompt_tokens: 2000, completion_tokens: 500, prompt_tokens_details: { cached_tokens: 1024 }, completion_tokens_details: { reasoning_tokens: 320 } });
    expect(usage).toEqual({ inputTokens: 2000, outputTokens: 500, cachedInputTokens: 1024, cacheWriteTokens: null, reasoningTokens: 320 });
    // gpt-5-mini: (976 × 0.25 + 1024 × 0.025 + 500 × 2.00) / 1e6 = (244 + 25.6 + 1000) / 1e6
    expect(computeCost(usage, { input: 0.25, output: 2, cached_input: 0.025 })).toBeCloseTo(0.0012696, 12);
  });

  it('OpenAI-compatible without detail blocks: no cache counts known, everything billed as plain input', () => {
    const usage = mapOpenAIUsage({ prompt_tokens: 300, completion_tokens: 40 });
    expect(usage).toEqual({ inputTokens: 300, outputTokens: 40, cachedInputTokens: null, cacheWriteTokens: null, reasoningTokens: null });
    // (300 × 0.6 + 40 × 2.4) / 1e6 = (180 + 96) / 1e6
    expect(computeCost(usage, { input: 0.6, output: 2.4, cached_input: 0.1 })).toBeCloseTo(0.000276, 12);
  });

  it('Anthropic: input_tokens excludes cache reads and writes; writes at 1.25×, reads at 0.1×', () => {
    const start = { input_tokens: 200, cache_read_input_tokens: 3000, cache_creation_input_tokens: 1500, output_tokens: 1 };
    const delta = { output_tokens: 600, output_tokens_details: { thinking_tokens: 400 } };
    const usage = mapAnthropicUsage(mergeAnthropicUsage(start, delta));
    expect(usage).toEqual({ inputTokens: 4700, outputTokens: 600, cachedInputTokens: 3000, cacheWriteTokens: 1500, reasoningTokens: 400 });
    // claude-sonnet-4: (200 × 3 + 3000 × 0.30 + 1500 × 3.75 + 600 × 15) / 1e6 = (600 + 900 + 5625 + 9000) / 1e6
    const price = applyBillingDefaults('anthropic', { input: 3, output: 15 });
    expect(price).toEqual({ input: 3, output: 15, cached_input: 0.3, cache_write: 3.75 });
    expect(computeCost(usage, price)).toBeCloseTo(0.016125, 12);
  });

  it('Gemini: candidates exclude thoughts, which bill as output; zero counts are simply left out', () => {
    const usage = mapGeminiUsage({ promptTokenCount: 5000, cachedContentTokenCount: 4096, candidatesTokenCount: 300, thoughtsTokenCount: 700 });
    expect(usage).toEqual({ inputTokens: 5000, outputTokens: 1000, cachedInputTokens: 4096, cacheWriteTokens: null, reasoningTokens: 700 });
    // gemini-2.0-flash: (904 × 0.10 + 4096 × 0.025 + 1000 × 0.40) / 1e6 = (90.4 + 102.4 + 400) / 1e6
    expect(computeCost(usage, { input: 0.1, output: 0.4, cached_input: 0.025 })).toBeCloseTo(0.0005928, 12);
    expect(mapGeminiUsage({ promptTokenCount: 12, candidatesTokenCount: 3 })).toEqual({ inputTokens: 12, outputTokens: 3, cachedInputTokens: 0, cacheWriteTokens: null, reasoningTokens: 0 });
  });

  it('unknown usage and a missing price give null, never 0', () => {
    expect(mapOpenAIUsage(undefined)).toEqual({ inputTokens: null, outputTokens: null, cachedInputTokens: null, cacheWriteTokens: null, reasoningTokens: null });
    expect(mapGeminiUsage(undefined).inputTokens).toBeNull();
    expect(mapAnthropicUsage({ input_tokens: null, output_tokens: 5 }).inputTokens).toBeNull();
    expect(computeCost(mapOpenAIUsage(undefined), { input: 1, output: 1 })).toBeNull();
    expect(computeCost(mapOpenAIUsage({ prompt_tokens: 1, completion_tokens: 1 }), undefined)).toBeNull();
    // A free local model costs a real 0.
    expect(computeCost(mapOpenAIUsage({ prompt_tokens: 10, completion_tokens: 10 }), { input: 0, output: 0 })).toBe(0);
  });
});

describe('resolvePrice', () => {
  const at = new Date('2026-11-22T00:00:00Z');

  it('prefers the config\'s price over the bundled one', () => {
    const resolved = resolvePrice({ provider: 'openai', model: 'gpt-5-mini', price: { input: 9, output: 9 } }, bundledPriceTable, at);
    expect(resolved).toEqual({ price: { input: 9, output: 9 }, source: 'config', effective: undefined });
  });

  it('takes the latest bundled entry in force on the day, with the provider\'s billing defaults', () => {
    expect(resolvePrice({ provider: 'openai', model: 'gpt-5-mini', price: undefined }, bundledPriceTable, at)).toMatchObject({ source: 'table', effective: '2025-08-07', price: { input: 0.25, output: 2, cached_input: 0.025 } });
    expect(resolvePrice({ provider: 'openai', model: 'gpt-5-mini', price: undefined }, bundledPriceTable, new Date('2025-01-01')).source).toBe('none');
    const table = { version: 't', entries: [
      { providers: ['anthropic' as const], models: ['m'], effective: '2025-01-01', price: { input: 4, output: 20 }, source: 's' },
      { providers: ['anthropic' as const], models: ['m'], effective: '2026-01-01', price: { input: 2, output: 10 }, source: 's' },
    ] };
    expect(resolvePrice({ provider: 'anthropic', model: 'm', price: undefined }, table, at).price).toEqual({ input: 2, output: 10, cached_input: 0.2, cache_write: 2.5 });
    expect(resolvePrice({ provider: 'anthropic', model: 'm', price: undefined }, table, new Date('2025-06-01')).price?.input).toBe(4);
  });

  it('knows the simulated fleet under every provider kind, and nothing it was not told', () => {
    expect(resolvePrice({ provider: 'google', model: 'sage-pro', price: undefined }, bundledPriceTable, at).price).toEqual({ input: 2.5, output: 10, cached_input: 0.25 });
    expect(resolvePrice({ provider: 'openai', model: 'gpt-unknown', price: undefined }, bundledPriceTable, at)).toEqual({ price: undefined, source: 'none', effective: undefined });
    expect(resolvePrice({ provider: 'google', model: 'gpt-5-mini', price: undefined }, bundledPriceTable, at).source).toBe('none');
  });
});
