import type { ProviderKind } from '../core/models-schema.ts';
import type { PriceEntry, PriceTable } from './price-table.ts';

const everyKind: readonly ProviderKind[] = ['sim', 'openai', 'anthropic', 'google', 'openai-compatible'];
const openai = 'https://openai.com/api/pricing';
const anthropic = 'https://www.anthropic.com/pricing#api';
const google = 'https://ai.google.dev/gemini-api/docs/pricing';

/**
 * The simulated fleet of `baton.config.yaml`. Its names are fictional and served by `sim-serve`
 * over every wire format, so they apply to every provider kind.
 */
const simFleet: readonly PriceEntry[] = [
  { models: ['sprint-1'], price: { input: 0.05, output: 0.2, cached_input: 0.01 } },
  { models: ['scribe-2'], price: { input: 0.3, output: 1.2, cached_input: 0.075 } },
  { models: ['abacus-math'], price: { input: 0.4, output: 1.6, cached_input: 0.1 } },
  { models: ['sage-pro'], price: { input: 2.5, output: 10, cached_input: 0.25 } },
  { models: ['titan-ultra'], price: { input: 10, output: 40, cached_input: 1 } },
  { models: ['local-8b'], price: { input: 0, output: 0 } },
].map((entry) => ({ ...entry, providers: everyKind, effective: '2026-11-22', source: 'baton.config.yaml (simulated)' }));

/**
 * Public list prices (USD per 1M tokens, standard tier, text, prompts within the base context
 * tier) as published on their effective date. Providers change prices: a model's `price` in the
 * config always wins, and runs record which table version they used. Only prices the maintainers
 * could confirm are listed; an unlisted model gets cost `null` and a warning, never a guess.
 */
const publicPrices: readonly PriceEntry[] = [
  { providers: ['openai'], models: ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'], effective: '2024-10-01', price: { input: 0.15, output: 0.6, cached_input: 0.075 }, source: openai },
  { providers: ['openai'], models: ['gpt-4.1', 'gpt-4.1-2025-04-14'], effective: '2025-04-14', price: { input: 2, output: 8, cached_input: 0.5 }, source: openai },
  { providers: ['openai'], models: ['gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14'], effective: '2025-04-14', price: { input: 0.4, output: 1.6, cached_input: 0.1 }, source: openai },
  { providers: ['openai'], models: ['gpt-4.1-nano', 'gpt-4.1-nano-2025-04-14'], effective: '2025-04-14', price: { input: 0.1, output: 0.4, cached_input: 0.025 }, source: openai },
  { providers: ['openai'], models: ['gpt-5', 'gpt-5-2025-08-07'], effective: '2025-08-07', price: { input: 1.25, output: 10, cached_input: 0.125 }, source: openai },
  { providers: ['openai'], models: ['gpt-5-mini', 'gpt-5-mini-2025-08-07'], effective: '2025-08-07', price: { input: 0.25, output: 2, cached_input: 0.025 }, source: openai },
  { providers: ['openai'], models: ['gpt-5-nano', 'gpt-5-nano-2025-08-07'], effective: '2025-08-07', price: { input: 0.05, output: 0.4, cached_input: 0.005 }, source: openai },
  { providers: ['anthropic'], models: ['claude-3-5-haiku-latest', 'claude-3-5-haiku-20241022'], effective: '2024-11-04', price: { input: 0.8, output: 4, cached_input: 0.08, cache_write: 1 }, source: anthropic },
  { providers: ['anthropic'], models: ['claude-sonnet-4-0', 'claude-sonnet-4-20250514'], effective: '2025-05-22', price: { input: 3, output: 15, cached_input: 0.3, cache_write: 3.75 }, source: anthropic },
  { providers: ['anthropic'], models: ['claude-opus-4-1', 'claude-opus-4-1-20250805'], effective: '2025-08-05', price: { input: 15, output: 75, cached_input: 1.5, cache_write: 18.75 }, source: anthropic },
  { providers: ['anthropic'], models: ['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929'], effective: '2025-09-29', price: { input: 3, output: 15, cached_input: 0.3, cache_write: 3.75 }, source: anthropic },
  { providers: ['anthropic'], models: ['claude-haiku-4-5', 'claude-haiku-4-5-20251001'], effective: '2025-10-15', price: { input: 1, output: 5, cached_input: 0.1, cache_write: 1.25 }, source: anthropic },
  { providers: ['google'], models: ['gemini-2.0-flash', 'gemini-2.0-flash-001'], effective: '2025-02-05', price: { input: 0.1, output: 0.4, cached_input: 0.025 }, source: google },
];

/** The price table that ships with baton. Bump `version` whenever an entry is added or changed. */
export const bundledPriceTable: PriceTable = {
  version: '2026-11-22.1',
  entries: [...simFleet, ...publicPrices],
};
