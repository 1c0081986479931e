import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DefaultRoute, Policy } from '../../harness/core/policy-schema.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { canonicalJson } from '../write/canonical-json.ts';
import { createRouter, loadPolicy, NoEligibleModelError, parsePolicy } from './index.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

const target = (model: string, fallbacks: string[] = [], extra: Partial<DefaultRoute> = {}): DefaultRoute => ({
  model,
  fallbacks,
  expected: { quality: { estimate: 0.9, low: 0.8, high: 0.95 }, cost_per_task_usd: 0.001, p95_latency_ms: 500, error_rate: 0, n: 100 },
  share: 0.1,
  reason: 'test',
  ...extra,
});
const model = (id: string, attributes: Record<string, string>) => ({ id, provider: 'openai', model: id, price: null, attributes, simulated: false });

/** A hand-written policy exercising every kind of match. */
const policy: Policy = parsePolicy({
  schema: 'baton.policy/v1',
  objective: { type: 'max-quality' },
  constraints: { max_p95_ms: null, max_cost_per_1k_usd: null, require: [{ text: 'tag:pii => locality:local', when: { tag: 'pii' }, attribute: 'locality', values: ['local'] }] },
  models: [model('cloud-big', { locality: 'cloud' }), model('cloud-small', { locality: 'cloud' }), model('local', { locality: 'local' })],
  routes: [
    { match: { category: 'math' }, ...target('cloud-big', ['cloud-small', 'local']) },
    { match: { category: 'math', prompt_chars: { min: 100 } }, ...target('cloud-small', ['cloud-big']) },
    { match: { category: 'chat' }, ...target('cloud-small', ['local'], { cascade: { escalate_to: 'cloud-big', when: 'check_failed' } }) },
    { match: { tags: ['pii'] }, ...target('local') },
    { match: { category: 'math', tags: ['pii'] }, ...target('local', ['cloud-big']) },
  ],
  default: target('cloud-big', ['local']),
  classifier: { type: 'keywords', tokenizer: 'words-v1', rules: [{ category: 'math', keywords: [{ word: 'sum', weight: 2 }, { word: 'equation', weight: 1 }] }, { category: 'chat', keywords: [{ word: 'hello', weight: 1.5 }] }], accuracy: { estimate: 0.9, low: 0.8, high: 0.95 }, coverage: 1, folds: 5 },
  summary: { tasks: 10, quality: 0.9, cost_per_task_usd: 0.001, best_single: { model: 'cloud-big', quality: 0.9, cost_per_task_usd: 0.002 } },
  provenance: { runs: ['r1'], suites: [], price_snapshot: {}, learner: {}, baton_version: '0.1.0', simulated: false },
});

describe('the reference router', () => {
  const { route } = createRouter(policy);

  it('takes the most specific matching route: tags, then category, then prompt band', () => {
    expect(route({ category: 'math' })).toEqual({ model: 'cloud-big', fallbacks: ['cloud-small', 'local'], category: 'math', route: 0, key: 'category:math' });
    expect(route({ category: 'math', prompt: 'x'.repeat(99) }).model).toBe('cloud-big');
    expect(route({ category: 'math', prompt: 'é'.repeat(100) })).toMatchObject({ model: 'cloud-small', key: 'category:math+chars:100-' });
    expect(route({ category: 'math', tags: ['pii', 'other'], prompt: 'x'.repeat(200) })).toMatchObject({ model: 'local', key: 'category:math+tag:pii' });
    expect(route({ category: 'poetry', tags: ['pii'] })).toMatchObject({ model: 'local', key: 'tag:pii' });
    expect(route({ category: 'poetry' })).toMatchObject({ model: 'cloud-big', route: 'default', key: 'default' });
    expect(route({})).toMatchObject({ model: 'cloud-big', route: 'default' });
  });

  it('classifies a prompt when no category is given', () => {
    expect(route({ prompt: 'What is the SUM of 2 and 3?' })).toMatchObject({ model: 'cloud-big', category: 'math' });
    expect(route({ prompt: 'Hello there' })).toMatchObject({ model: 'cloud-small', category: 'chat', cascade: { escalateTo: 'cloud-big', when: 'check_failed' } });
    expect(route({ prompt: 'nothing known' })).toMatchObject({ route: 'default' });
    expect(route({ prompt: 'nothing known' }).category).toBeUndefined();
  });

  it('enforces the require rules on the way out, dropping forbidden models and cascades', () => {
    // The chat route knows nothing of pii, but the rule still keeps the request on local models.
    expect(route({ category: 'chat', tags: ['pii'] })).toEqual({ model: 'local', fallbacks: [], category: 'chat', route: 3, key: 'tag:pii' });
    const strict = createRouter({ ...policy, routes: policy.routes.filter((entry) => entry.match.tags === undefined) });
    expect(strict.route({ category: 'chat', tags: ['pii'] })).toMatchObject({ model: 'local', fallbacks: [] });
    expect(strict.route({ category: 'chat', tags: ['pii'] }).cascade).toBeUndefined();
    expect(() => strict.route({ category: 'math', tags: ['pii'], prompt: 'x'.repeat(150) })).toThrow(NoEligibleModelError);
  });

  it('loads and validates policy files', () => {
    const file = dir.write('policy.json', canonicalJson(policy));
    expect(loadPolicy(file).route({ category: 'math' }).model).toBe('cloud-big');
    const broken = dir.write('broken.json', canonicalJson({ ...policy, schema: 'baton.policy/v0' }));
    expect(() => loadPolicy(broken)).toThrow(/baton\.policy\/v1/);
  });

  it('depends on nothing but zod (and node built-ins): it ships as `baton/router`', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from\s+'([^']+)'/gms)) {
        if (specifier === undefined) continue;
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
        else expect(specifier === 'zod' || specifier.startsWith('node:'), `${file} imports ${specifier}`).toBe(true);
      }
    };
    visit(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect(seen.size).toBeGreaterThanOrEqual(8);
    const outside = [...seen].filter((file) => !file.includes('/policies/router/') && !/\/harness\/core\/(policy(-[a-z]+)*|keyword-classifier|prompt-scorer)-schema\.ts$/.test(file));
    expect(outside).toEqual([]);
  });
});
