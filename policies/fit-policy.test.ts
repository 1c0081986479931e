import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../harness/core/input-error.ts';
import type { Objective, Policy } from '../harness/core/policy-schema.ts';
import { openStore } from '../harness/store/open-store.ts';
import type { Store } from '../harness/store/store.ts';
import { writeMatrixStore, type MatrixAttemptInput, type MatrixModelInput, type MatrixTaskInput } from '../test/helpers/write-matrix-store.ts';
import { defaultLearnerOptions, type LearnerOptions } from './fit/learner-options.ts';
import { parseRequireRule } from './fit/parse-require-rule.ts';
import { fitPolicy } from './fit-policy.ts';
import { readPolicyMatrix } from './matrix/read-policy-matrix.ts';
import { selectPolicyRuns } from './matrix/select-policy-runs.ts';
import { createRouter } from './router/load-policy.ts';

/** One category of a hand-built matrix: each model passes the tasks `passes(model, i)` says, out of `n`. */
interface CategorySpec {
  readonly category: string;
  readonly n: number;
  readonly passes: (model: string, i: number) => boolean;
  readonly tags?: (i: number) => string[];
}

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Writes the matrix to an in-memory store and fits it, through the same SQL as real runs. */
async function fitMatrix(models: readonly (MatrixModelInput & { cost: number; latency?: number; errorEvery?: number })[], categories: readonly CategorySpec[], objective: Objective, options: Partial<LearnerOptions> = {}, check?: (model: string, category: string, i: number, passed: boolean) => boolean | null): Promise<Policy> {
  const store = await openStore(':memory:');
  stores.push(store);
  const tasks: MatrixTaskInput[] = [];
  const attempts: MatrixAttemptInput[] = [];
  for (const spec of categories) {
    for (let i = 0; i < spec.n; i += 1) {
      const taskId = `${spec.category}-${i}`;
      tasks.push({ taskId, category: spec.category, tags: spec.tags?.(i) ?? [] });
      for (const model of models) {
        const failed = model.errorEvery !== undefined && i % model.errorEvery === 0;
        const passed = spec.passes(model.id, i);
        attempts.push({ taskId, modelId: model.id, score: failed ? null : passed ? 1 : 0, status: failed ? 'error' : 'ok', costUsd: model.cost, latencyMs: failed ? null : (model.latency ?? 100), checkPassed: failed ? null : (check?.(model.id, spec.category, i, passed) ?? null) });
      }
    }
  }
  await writeMatrixStore(store, { models, tasks, attempts });
  const runs = await selectPolicyRuns(store);
  const matrix = await readPolicyMatrix(store, runs);
  return fitPolicy(matrix, { ...defaultLearnerOptions, classifier: false, ...options, objective }, { runs, batonVersion: 'test' }, 'hand-built.duckdb');
}

const routeOf = (policy: Policy, category: string, tags?: string[]) => policy.routes.find((route) => route.match.category === category && JSON.stringify(route.match.tags) === JSON.stringify(tags));
/** Passes the first `rate` share of tasks, so two models' failures nest (the weaker fails where the stronger does, and more). */
const rate = (share: number) => (i: number, n: number) => i >= Math.round(n * (1 - share));
const cheapStrong = [
  { id: 'cheap', cost: 0.001, price: { input: 0.1, output: 0.4 } },
  { id: 'strong', cost: 0.01, price: { input: 1, output: 4 } },
];
const twoRates = (category: string, n: number, cheap: number, strong: number): CategorySpec => ({ category, n, passes: (model, i) => rate(model === 'cheap' ? cheap : strong)(i, n) });

describe('fitPolicy on hand-built matrices', () => {
  it('max-quality: the better model per category, the cheaper on a tie', async () => {
    const policy = await fitMatrix(cheapStrong, [twoRates('hard', 100, 0.6, 0.9), twoRates('easy', 100, 0.95, 0.9), twoRates('tie', 100, 0.8, 0.8)], { type: 'max-quality' }, { shrinkage: 0 });
    expect(routeOf(policy, 'hard')?.model).toBe('strong');
    expect(routeOf(policy, 'easy')?.model).toBe('cheap');
    expect(routeOf(policy, 'tie')?.model).toBe('cheap');
    expect(routeOf(policy, 'hard')).toMatchObject({ fallbacks: ['cheap'], expected: { n: 100, error_rate: 0 } });
    expect(routeOf(policy, 'hard')?.expected.cost_per_task_usd).toBeCloseTo(0.01, 12);
    expect(routeOf(policy, 'hard')?.expected.quality.estimate).toBeCloseTo(0.9, 10);
    expect(routeOf(policy, 'hard')?.reason).toMatch(/max-quality: highest quality 90\.0% on n=100, ahead of cheap at 60\.0%/);
  });

  it('min-cost: the cheap model where it is not significantly worse, the strong one where it is, the best when data is short', async () => {
    const objective: Objective = { type: 'min-cost', delta: 0.05, alpha: 0.05, min_n: 30 };
    const policy = await fitMatrix(cheapStrong, [twoRates('close', 400, 0.89, 0.9), twoRates('far', 400, 0.7, 0.9), twoRates('tiny', 10, 0.9, 1)], objective);
    expect(routeOf(policy, 'close')?.model).toBe('cheap');
    expect(routeOf(policy, 'close')?.reason).toMatch(/not significantly worse than the best, strong \(90\.0%\): 89\.0%, difference −1\.0% with one-sided lower bound −\d\.\d% > −5\.0% on 400 shared tasks/);
    expect(routeOf(policy, 'far')?.model).toBe('strong');
    expect(routeOf(policy, 'far')?.reason).toMatch(/none of the 1 cheaper model\(s\) is non-inferior/);
    expect(routeOf(policy, 'tiny')?.model).toBe('strong');
    expect(routeOf(policy, 'tiny')?.reason).toMatch(/too little data .*n=10 < min n 30.*best model is kept/);
    // A stricter margin turns the close call around.
    const strict = await fitMatrix(cheapStrong, [twoRates('close', 400, 0.89, 0.9)], { ...objective, delta: 0.005 });
    expect(routeOf(strict, 'close')?.model).toBe('strong');
  });

  it('utility: λ trades quality for cost, μ trades it for latency', async () => {
    const categories = [twoRates('close', 200, 0.89, 0.9), twoRates('far', 200, 0.7, 0.9)];
    const free = await fitMatrix(cheapStrong, categories, { type: 'utility', lambda: 0, mu: 0 }, { shrinkage: 0 });
    expect([routeOf(free, 'close')?.model, routeOf(free, 'far')?.model]).toEqual(['strong', 'strong']);
    // λ = 10: the strong model's extra $0.009 per task is worth 0.09 of quality: more than 1 point, less than 20.
    const priced = await fitMatrix(cheapStrong, categories, { type: 'utility', lambda: 10, mu: 0 }, { shrinkage: 0 });
    expect([routeOf(priced, 'close')?.model, routeOf(priced, 'far')?.model]).toEqual(['cheap', 'strong']);
    // μ = 0.0002 per ms: the strong model's 1900 ms of extra p95 cost 0.38 of quality, more than its 20-point lead.
    const slow = cheapStrong.map((model) => ({ ...model, latency: model.id === 'strong' ? 2000 : 100 }));
    const hurried = await fitMatrix(slow, categories, { type: 'utility', lambda: 0, mu: 0.0002 }, { shrinkage: 0 });
    expect([routeOf(hurried, 'close')?.model, routeOf(hurried, 'far')?.model]).toEqual(['cheap', 'cheap']);
    expect(routeOf(hurried, 'far')?.reason).toMatch(/utility: highest quality − λ·cost − μ·p95 = 0\.6800 .*ahead of strong at 0\.5000/);
  });
});

describe('hard constraints', () => {
  const cloudAndLocal = [
    { id: 'cloud', cost: 0.01, latency: 2000, attributes: { locality: 'cloud', region: 'us' } },
    { id: 'local', cost: 0, latency: 300, attributes: { locality: 'local', region: 'eu' } },
  ];
  const support: CategorySpec = { category: 'support', n: 100, passes: (model, i) => rate(model === 'cloud' ? 0.95 : 0.7)(i, 100), tags: (i) => (i % 5 === 0 ? ['pii'] : []) };

  it('routes pii tasks to the local model even though the cloud model scores higher', async () => {
    const policy = await fitMatrix(cloudAndLocal, [support], { type: 'max-quality' }, { require: [parseRequireRule('tag:pii => locality:local')] });
    expect(routeOf(policy, 'support')?.model).toBe('cloud');
    expect(routeOf(policy, 'support', ['pii'])).toMatchObject({ model: 'local', fallbacks: [] });
    expect(routeOf(policy, 'support', ['pii'])?.reason).toContain('cloud: breaks `tag:pii => locality:local`');
    const { route } = createRouter(policy);
    expect(route({ category: 'support', tags: ['pii'] })).toMatchObject({ model: 'local', fallbacks: [] });
    expect(route({ category: 'support' })).toMatchObject({ model: 'cloud', fallbacks: ['local'] });
    // Of 100 tasks 20 carry pii: the in-sample quality pays for the constraint.
    expect(policy.summary.quality).toBeCloseTo((80 * 0.95 + 20 * 0.7) / 100, 1);
  });

  it('applies region rules, latency and cost ceilings to every route', async () => {
    const eu = await fitMatrix(cloudAndLocal, [support], { type: 'max-quality' }, { require: [parseRequireRule('region:eu')] });
    expect([routeOf(eu, 'support')?.model, eu.default.model]).toEqual(['local', 'local']);
    const fast = await fitMatrix(cloudAndLocal, [support], { type: 'max-quality' }, { maxP95Ms: 1000 });
    expect(routeOf(fast, 'support')?.model).toBe('local');
    expect(routeOf(fast, 'support')?.reason).toContain('cloud: p95 2000 ms > --max-p95-ms 1000');
    const thrifty = await fitMatrix(cloudAndLocal, [support], { type: 'max-quality' }, { maxCostPer1kUsd: 5 });
    expect(routeOf(thrifty, 'support')?.model).toBe('local');
  });

  it('names the category no model may serve', async () => {
    const attempt = fitMatrix(cloudAndLocal, [support], { type: 'max-quality' }, { require: [parseRequireRule('category:support => region:mars')] });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(/category `support`: no eligible model \(cloud, local: breaks `category:support => region:mars`\)/);
  });
});

describe('fallbacks and cascades', () => {
  it('orders fallbacks by quality discounted by error and timeout rates', async () => {
    const models = [
      { id: 'best', cost: 0.02 },
      { id: 'flaky', cost: 0.01, errorEvery: 3 },
      { id: 'steady', cost: 0.01 },
    ];
    const quality: Record<string, number> = { best: 0.95, flaky: 0.9, steady: 0.85 };
    const policy = await fitMatrix(models, [{ category: 'c', n: 120, passes: (model, i) => rate(quality[model] ?? 0)(i, 120) }], { type: 'max-quality' }, { shrinkage: 0 });
    expect(routeOf(policy, 'c')?.model).toBe('best');
    expect(routeOf(policy, 'c')?.fallbacks).toEqual(['steady', 'flaky']);
  });

  const informative = (model: string, _category: string, i: number, passed: boolean) => (model === 'cheap' ? passed || i % 50 === 1 : true);
  const categories = [twoRates('qa', 300, 0.7, 0.9)];

  it('picks a cascade (cheap first, escalate on a failed check) where it beats every single model, counting both calls', async () => {
    const policy = await fitMatrix(cheapStrong, categories, { type: 'utility', lambda: 10, mu: 0 }, { shrinkage: 0 }, informative);
    const route = routeOf(policy, 'qa');
    expect(route).toMatchObject({ model: 'cheap', cascade: { escalate_to: 'strong', when: 'check_failed' } });
    // cheap fails tasks 0..89; its check wrongly passes 2 of them (1 and 51): 88 escalations at $0.01 on top of $0.001 each.
    expect(route?.expected.cost_per_task_usd).toBeCloseTo(0.001 + (88 / 300) * 0.01, 10);
    // Quality: cheap's 210 right answers, plus what strong (right on 30..299) gets right of the 88 escalated.
    let escalatedRight = 0;
    for (let i = 0; i < 90; i += 1) if (i % 50 !== 1 && i >= 30) escalatedRight += 1;
    expect(route?.expected.quality.estimate).toBeCloseTo((210 + escalatedRight) / 300, 10);
    expect(createRouter(policy).route({ category: 'qa' })).toMatchObject({ model: 'cheap', cascade: { escalateTo: 'strong' } });
  });

  it('keeps single models when the check says nothing, or when cascades are off', async () => {
    const useless = await fitMatrix(cheapStrong, categories, { type: 'utility', lambda: 10, mu: 0 }, { shrinkage: 0 }, (model) => (model === 'cheap' ? true : null));
    expect(routeOf(useless, 'qa')?.cascade).toBeUndefined();
    const off = await fitMatrix(cheapStrong, categories, { type: 'utility', lambda: 10, mu: 0 }, { shrinkage: 0, cascades: false }, informative);
    expect(routeOf(off, 'qa')?.cascade).toBeUndefined();
  });
});
