import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ModelConfig } from '../core/models-schema.ts';
import { ProviderError, type ProviderRequest } from '../core/provider-contract.ts';
import type { SimSpec } from '../core/sim-spec.ts';
import { SimSpecSchema } from '../core/sim-spec.ts';
import type { Task } from '../core/suite.ts';
import { createSimProvider } from './create-sim-provider.ts';
import { createSimOracle } from './sim-oracle.ts';

function task(id: string, category: string, expected: unknown, scorer: 'exact' | 'numeric' = 'exact'): Task {
  return { suiteId: 's', id, category, tags: [], vars: {}, expected, scorer: scorer === 'exact' ? { type: 'exact', normalize: ['trim'] } : { type: 'numeric', abs_tol: 0, rel_tol: 0 }, system: undefined, prompt: `prompt ${id}`, source: { file: 'f', line: 1 } };
}

function model(id: string, sim: z.input<typeof SimSpecSchema>): ModelConfig & { sim: SimSpec } {
  return { id, provider: 'sim', model: id, limits: { concurrency: 8 }, attributes: {}, timeout_ms: 1000, sim: SimSpecSchema.parse(sim) };
}

const request = (prompt: string, seed: number, signal = new AbortController().signal): ProviderRequest => ({ model: 'm', system: undefined, messages: [{ role: 'user', content: prompt }], maxTokens: 256, temperature: 0, topP: undefined, stop: undefined, seed, signal });

const tasks = Array.from({ length: 400 }, (_, index) => task(`t${index}`, index % 2 === 0 ? 'easy' : 'hard', index % 2 === 0 ? ['yes', 'no', 'maybe'][index % 3] : index * 3, index % 2 === 0 ? 'exact' : 'numeric'));
const oracle = createSimOracle(tasks);

describe('sim provider', () => {
  it('is deterministic from (seed, task, model)', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 0.5 } }), { oracle, timeScale: 0 });
    const first = await Promise.all(tasks.slice(0, 50).map((t, index) => provider.generate(request(t.prompt, index))));
    const again = await Promise.all(tasks.slice(0, 50).map((t, index) => provider.generate(request(t.prompt, index))));
    expect(again.map((response) => response.text)).toEqual(first.map((response) => response.text));
    expect(again.map((response) => response.usage)).toEqual(first.map((response) => response.usage));
  });

  it('answers correctly at its declared skill per category', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 0.5, easy: 0.9, hard: 0.2 } }), { oracle, timeScale: 0 });
    const rate = async (category: string) => {
      const subset = tasks.filter((t) => t.category === category);
      const responses = await Promise.all(subset.map((t, index) => provider.generate(request(t.prompt, 1000 + index))));
      const correct = responses.filter((response, index) => {
        const expected = String(subset[index]?.expected);
        return response.text === expected || response.text.endsWith(`Answer: ${expected}`);
      });
      return correct.length / subset.length;
    };
    // 200 Bernoulli draws: the sampling standard deviation is at most 0.035.
    expect(await rate('easy')).toBeGreaterThan(0.8);
    expect(await rate('hard')).toBeLessThan(0.3);
  });

  it('gives wrong answers that are plausible: another label, or a different number', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 0 } }), { oracle, timeScale: 0 });
    const label = await provider.generate(request('prompt t0', 1));
    expect(['no', 'maybe']).toContain(label.text);
    const number = await provider.generate(request('prompt t1', 1));
    expect(number.text).toMatch(/Answer: \d+/);
    expect(number.text).not.toMatch(/Answer: 3$/);
  });

  it('reports usage from the prompt and the answer, with reasoning billed as output', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 1 }, reasoning_tokens: 100 }), { oracle, timeScale: 0 });
    const response = await provider.generate(request('prompt t0', 3));
    expect(response.usage.inputTokens).toBe(Math.ceil('prompt t0'.length / 4) + 4);
    expect(response.usage.reasoningTokens).toBeGreaterThan(0);
    expect(response.usage.outputTokens).toBe(Math.ceil(response.text.length / 4) + (response.usage.reasoningTokens ?? 0));
    expect(response.finishReason).toBe('stop');
  });

  it('takes about its declared latency at time scale 1', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 1 }, latency: { ttft_ms: 80, tokens_per_s: 1000, jitter: 0 } }), { oracle, timeScale: 1 });
    const started = performance.now();
    const response = await provider.generate(request('prompt t0', 1));
    expect(response.ttftMs).toBeGreaterThanOrEqual(75);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('injects faults at the configured rate, and a retry of the same attempt can succeed', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 1 }, faults: { server_error: 0.5, rate_limit: 0, timeout: 0, malformed: 0 } }), { oracle, timeScale: 0 });
    let failures = 0;
    let recovered = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      let failed = false;
      for (let call = 0; call < 10; call += 1) {
        try {
          await provider.generate(request('prompt t0', seed));
          if (failed) recovered += 1;
          break;
        } catch (error) {
          expect(error).toBeInstanceOf(ProviderError);
          expect((error as ProviderError).code).toBe('server_error');
          expect((error as ProviderError).retryable).toBe(true);
          if (!failed) failures += 1;
          failed = true;
        }
      }
    }
    expect(failures).toBeGreaterThan(70);
    expect(failures).toBeLessThan(130);
    expect(recovered).toBe(failures);
  });

  it('stalls on a timeout fault until the call is aborted', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 1 }, faults: { timeout: 1, rate_limit: 0, server_error: 0, malformed: 0 } }), { oracle, timeScale: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('deadline')), 30);
    await expect(provider.generate(request('prompt t0', 1, controller.signal))).rejects.toThrow('deadline');
  });

  it('says it does not know a prompt outside the oracle', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 1 } }), { oracle, timeScale: 0 });
    expect((await provider.generate(request('unknown prompt', 1))).text).toContain('not sure');
  });

  it('drops the connection for reset and truncated-stream faults, both retryable', async () => {
    for (const fault of ['connection_reset', 'truncated_stream'] as const) {
      const provider = createSimProvider(model('m', { skill: { default: 1 }, faults: { [fault]: 1 } }), { oracle, timeScale: 0 });
      await expect(provider.generate(request('prompt t0', 1))).rejects.toMatchObject({ code: 'connection', retryable: true });
    }
  });

  it('serves a repeated system prompt from the cache at the declared hit rate', async () => {
    const provider = createSimProvider(model('m', { skill: { default: 1 }, cache: { hit_rate: 0.5, min_tokens: 4 } }), { oracle, timeScale: 0 });
    const system = 'You answer briefly and exactly.';
    const prefix = Math.ceil(system.length / 4) + 4;
    const responses = await Promise.all(Array.from({ length: 200 }, (_, seed) => provider.generate({ ...request('prompt t0', seed), system })));
    const hits = responses.filter((response) => response.usage.cachedInputTokens === prefix).length;
    expect(responses.every((response) => response.usage.cachedInputTokens === 0 || response.usage.cachedInputTokens === prefix)).toBe(true);
    // 200 draws at 0.5: the standard deviation is about 0.035.
    expect(hits / 200).toBeGreaterThan(0.38);
    expect(hits / 200).toBeLessThan(0.62);
    const short = createSimProvider(model('m', { skill: { default: 1 }, cache: { hit_rate: 1, min_tokens: 1024 } }), { oracle, timeScale: 0 });
    expect((await short.generate({ ...request('prompt t0', 1), system })).usage.cachedInputTokens).toBe(0);
  });
});
