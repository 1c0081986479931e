import { afterEach, describe, expect, it } from 'vitest';
import { catchProblems } from '../../test/helpers/catch-input-error.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { loadConfig } from './load-config.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

describe('loadConfig', () => {
  it('loads the bundled fleet: 6 simulated models with prices, limits and skills', () => {
    const { config, hash } = loadConfig(new URL('../../baton.config.yaml', import.meta.url).pathname);
    expect(config.models).toHaveLength(6);
    expect(config.models.every((model) => model.provider === 'sim' && model.sim !== undefined)).toBe(true);
    expect(config.models.find((model) => model.id === 'sim-local')?.attributes.locality).toBe('local');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies defaults to limits, retry and timeout', () => {
    const { config } = loadConfig(dir.write('c.yaml', 'models:\n  - { id: m, provider: openai, model: gpt-x, price: { input: 1, output: 2 } }\n'));
    expect(config.models[0]).toMatchObject({ limits: { concurrency: 8 }, timeout_ms: 60_000, attributes: {} });
    expect(config.retry).toEqual({ max_retries: 4, base_delay_ms: 500, max_delay_ms: 30_000 });
    expect(config.seed).toBe(1);
  });

  it('hashes the parsed config, not its formatting', () => {
    const a = loadConfig(dir.write('a.yaml', 'models:\n  - { id: m, provider: openai, model: x }\n'));
    const b = loadConfig(dir.write('b.json', '{"models": [{"model": "x", "provider": "openai", "id": "m"}]}'));
    expect(a.hash).toBe(b.hash);
  });

  it('refuses an API key written in the config, naming the environment instead', () => {
    const file = dir.write('k.yaml', 'models:\n  - id: m\n    provider: openai\n    model: x\n    api_key: sk-secret\n');
    const problems = catchProblems(() => loadConfig(file));
    expect(problems[0]).toMatchObject({ file, line: 5, path: 'models[0].api_key', message: 'API keys must not be written in the config' });
    expect(problems.map((problem) => problem.message).join('\n')).not.toContain('sk-secret');
  });

  it('reports duplicate ids, negative limits, an unknown provider and a sim model without behaviour', () => {
    const file = dir.write('bad.yaml', [
      'models:',
      '  - { id: a, provider: sim, model: x }',
      '  - { id: a, provider: openai, model: y }',
      '  - { id: b, provider: azure, model: z }',
      '  - { id: c, provider: openai, model: z, limits: { rpm: -5 } }',
    ].join('\n'));
    const zodProblems = catchProblems(() => loadConfig(file));
    expect(zodProblems.map((problem) => problem.path).sort()).toEqual(['models[2].provider', 'models[3].limits.rpm']);
    expect(zodProblems.find((problem) => problem.path === 'models[2].provider')).toMatchObject({ line: 4 });
    expect(zodProblems.find((problem) => problem.path === 'models[2].provider')?.fix).toContain('openai-compatible');

    const crossField = catchProblems(() => loadConfig(dir.write('dup.yaml', 'models:\n  - { id: a, provider: sim, model: x }\n  - { id: a, provider: openai-compatible, model: y }\n')));
    expect(crossField.map((problem) => problem.path)).toEqual(['models[0].provider', 'models[1].id', 'models[1].provider']);
    expect(crossField[1]?.message).toContain('duplicate model id `a`');
    expect(crossField[2]?.fix).toContain('base_url');
  });
});
