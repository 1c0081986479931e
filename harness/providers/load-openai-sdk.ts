import { createRequire } from 'node:module';
import type * as OpenAIModule from 'openai';
import { loadOnce } from './load-once.ts';

/** The official OpenAI SDK module: the client class and the error classes its calls throw. */
export type OpenAISdk = typeof OpenAIModule;

/**
 * Loads the official OpenAI SDK once, through its CommonJS build. On Node 20 every ES module
 * imported after tsx has registered its hooks costs a round trip to the hooks thread; the SDK
 * is ~150 files, so `import()` took ~0.45 s against ~0.12 s for `require()`. Same package, same
 * classes: the client and the errors it throws come from this one module instance.
 */
export const loadOpenAISdk = loadOnce(() => Promise.resolve().then(() => createRequire(import.meta.url)('openai') as OpenAISdk));
