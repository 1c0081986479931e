import { afterEach, describe, expect, it } from 'vitest';
import { PolicySchema, type Objective } from '../../harness/core/policy-schema.ts';
import { openStore } from '../../harness/store/open-store.ts';
import type { Store } from '../../harness/store/store.ts';
import { writeMatrixStore, type MatrixAttemptInput, type MatrixTaskInput } from '../../test/helpers/write-matrix-store.ts';
import { evaluatePolicy } from '../evaluate/evaluate-policy.ts';
import { defaultLearnerOptions, type LearnerOptions } from '../fit/learner-options.ts';
import { fitPolicy } from '../fit-policy.ts';
import { readPolicyMatrix } from '../matrix/read-policy-matrix.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { selectPolicyRuns } from '../matrix/select-policy-runs.ts';
import { createRouter } from '../router/load-policy.ts';
import { canonicalJson } from '../write/canonical-json.ts';

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const models = [
  { id: 'cheap', cost: 0.001, price: { input: 0.1, output: 0.4 } },
  { id: 'strong', cost: 0.01, price: { input: 1, output: 4 } },
];
const topics = ['rivers', 'tides', 'glaciers', 'deltas', 'lakes', 'springs', 'estuaries'];

/**
 * One category of 400 tasks in which the prompt tells who wins: "prove" prompts (one in four) only
 * the strong model answers; the others both answer. A category table cannot see that; a score can.
 */
async function promptMatrix(): Promise<{ matrix: PolicyMatrix; origin: { runs: Awaited<ReturnType<typeof selectPolicyRuns>>; batonVersion: string } }> {
  const store = await openStore(':memory:');
  stores.push(store);
  const tasks: MatrixTaskInput[] = [];
  const attempts: MatrixAttemptInput[] = [];
  for (let i = 0; i < 400; i += 1) {
    const hard = i % 4 === 0;
    const taskId = `qa-${i}`;
    const topic = topics[i % topics.length] ?? '';
    tasks.push({ taskId, category: 'geography', prompt: hard ? `Prove the claim about ${topic} number ${i}` : `Name a fact about ${topic} number ${i}` });
    for (const model of models) attempts.push({ taskId, modelId: model.id, score: hard && model.id === 'cheap' ? 0 : 1, status: 'ok', costUsd: model.cost, latencyMs: 100 });
  }
  await writeMatrixStore(store, { models, tasks, attempts });
  const runs = await selectPolicyRuns(store);
  return { matrix: await readPolicyMatrix(store, runs), origin: { runs, batonVersion: 'test' } };
}

const minCost: Objective = { type: 'min-cost', delta: 0.05, alpha: 0.05, min_n: 30 };
const options = (extra: Partial<LearnerOptions> = {}): LearnerOptions => ({ ...defaultLearnerOptions, classifier: false, objective: minCost, scoreBands: 2, ...extra });

describe('prompt-score bands', () => {
  it('learns which prompts need the strong model and routes them by score; the rest go to the cheap model', async () => {
    const { matrix, origin } = await promptMatrix();
    const policy = fitPolicy(matrix, options(), origin, 'prompts.duckdb');
    expect(() => PolicySchema.parse(policy)).not.toThrow();
    const scorer = policy.prompt_scorer;
    expect(scorer).toMatchObject({ type: 'linear-v1', tokenizer: 'words-v1', predicts: { strong: 'strong', weak: 'cheap' }, n: 400 });
    // The words that carry the difference get the weights, with the right signs.
    expect(scorer?.words.prove).toBeGreaterThan(0.1);
    expect(scorer?.words.name).toBeLessThan(-0.01);
    const bands = policy.routes.filter((route) => route.match.prompt_score !== undefined);
    expect(bands.map((route) => route.model).sort()).toEqual(['cheap', 'strong']);
    const { route } = createRouter(policy);
    // New prompts, never fitted: the router scores them as the learner did.
    expect(route({ prompt: 'Prove the claim about oceans number 1000' }).model).toBe('strong');
    expect(route({ prompt: 'Name a fact about oceans number 1000' }).model).toBe('cheap');
    expect(route({ category: 'geography', prompt: 'Name a fact about oceans number 1000' }).key).toMatch(/^score:/);
    // Without a prompt nothing can be scored: the category route holds (the cheap model misses a quarter: strong).
    expect(route({ category: 'geography' }).model).toBe('strong');
    // In-sample, the policy keeps the strong model's quality at about a quarter of its calls.
    expect(policy.summary.quality).toBe(1);
    expect(policy.summary.cost_per_task_usd).toBeCloseTo(0.25 * 0.01 + 0.75 * 0.001, 6);
  });

  it('is deterministic, and held out it beats the category table', async () => {
    const { matrix, origin } = await promptMatrix();
    expect(canonicalJson(fitPolicy(matrix, options(), origin, 'p'))).toBe(canonicalJson(fitPolicy(matrix, options(), origin, 'p')));
    const scored = evaluatePolicy(matrix, options(), 5, origin, 'p');
    const table = evaluatePolicy(matrix, options({ scoreBands: 1 }), 5, origin, 'p');
    expect(scored.policy.quality).toBe(1);
    expect(scored.policy.cost_per_task_usd).toBeCloseTo(0.25 * 0.01 + 0.75 * 0.001, 6);
    // The table sends everything to the strong model (the cheap one is significantly worse on the category).
    expect(table.policy.cost_per_task_usd).toBeCloseTo(0.01, 6);
    expect(scored.two_model?.cpt50).toBeLessThan(0.2);
    expect(table.two_model?.cpt50).toBeGreaterThan(0.4);
    expect(scored.provenance.learner).toMatchObject({ score_bands: 2, score_l2: 10 });
  });

  it('fits no scorer when the best model is also the cheapest (nothing to trade)', async () => {
    const { matrix, origin } = await promptMatrix();
    const [cheap, strong] = matrix.columns;
    if (cheap === undefined || strong === undefined) throw new Error('two columns expected');
    // The cheap model now answers everything, the dear one misses the "prove" prompts.
    const swapped = { ...matrix, columns: [{ ...cheap, score: strong.score }, { ...strong, score: cheap.score }] };
    const policy = fitPolicy(swapped, options(), origin, 'p');
    expect(policy.prompt_scorer).toBeUndefined();
    expect(policy.routes.some((route) => route.match.prompt_score !== undefined)).toBe(false);
  });
});
