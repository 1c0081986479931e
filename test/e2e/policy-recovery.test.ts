import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Objective, Policy } from '../../harness/core/policy-schema.ts';
import { executeRun } from '../../harness/run/execute-run.ts';
import { openStore } from '../../harness/store/open-store.ts';
import { fitPolicy } from '../../policies/fit-policy.ts';
import { defaultLearnerOptions } from '../../policies/fit/learner-options.ts';
import { parseRequireRule } from '../../policies/fit/parse-require-rule.ts';
import { readPolicyMatrix } from '../../policies/matrix/read-policy-matrix.ts';
import type { PolicyMatrix } from '../../policies/matrix/policy-matrix.ts';
import { readCell } from '../../policies/matrix/read-cell.ts';
import { selectPolicyRuns } from '../../policies/matrix/select-policy-runs.ts';
import { createRouter } from '../../policies/router/load-policy.ts';
import type { LoadedConfig } from '../../harness/config/load-config.ts';
import { fleetSkill, writeCategorySuite, writeFastFleet } from '../helpers/fleet-run.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

const dir = createTempDir();
const categories = ['arithmetic', 'percentages', 'sentiment', 'ticket-routing', 'extract-ids', 'extract-dates', 'extract-amounts'];
let config: LoadedConfig;
let matrix: PolicyMatrix;
let fit: (objective: Objective, extra?: Partial<typeof defaultLearnerOptions>) => Policy;

// The simulated fleet's skills are the ground truth: with 400 tasks per category the learner must find them.
beforeAll(async () => {
  config = writeFastFleet(dir);
  const suite = writeCategorySuite(dir, categories, 400);
  const dbPath = dir.path('db', 'baton.duckdb');
  await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, simTimeScale: 0 });
  const store = await openStore(dbPath);
  const runs = await selectPolicyRuns(store);
  matrix = await readPolicyMatrix(store, runs);
  store.close();
  fit = (objective, extra = {}) => fitPolicy(matrix, { ...defaultLearnerOptions, classifier: false, ...extra, objective }, { runs, batonVersion: 'test' }, dbPath);
});
afterAll(() => dir.remove());

const models = () => config.config.models.map((model) => model.id);
const skill = (model: string, category: string) => fleetSkill(config, model, category);
const routeOf = (policy: Policy, category: string) => policy.routes.find((route) => route.match.category === category && route.match.tags === undefined && route.match.prompt_chars === undefined);
/** Measured cost per task of a model in a category (cost is nearly deterministic; only quality is noisy). */
const costOf = (model: string, category: string) => {
  const m = matrix.models.findIndex((entry) => entry.id === model);
  const costs = matrix.tasks.flatMap((task, t) => (task.category === category ? [readCell(matrix, t, m)?.cost ?? 0] : []));
  return costs.reduce((sum, cost) => sum + cost, 0) / costs.length;
};

describe('the learner on the simulated fleet recovers the true skills', () => {
  it('max-quality: every category goes to a model within noise of the best true skill, never to a clearly weaker one', () => {
    const policy = fit({ type: 'max-quality' });
    for (const category of categories) {
      const best = Math.max(...models().map((model) => skill(model, category)));
      const chosen = routeOf(policy, category)?.model ?? '';
      expect(skill(chosen, category), `${category} -> ${chosen}`).toBeGreaterThanOrEqual(best - 0.035);
    }
    // Where one model is clearly best (arithmetic: titan 0.97 vs abacus 0.94 and sage 0.90), it is found.
    expect(routeOf(policy, 'arithmetic')?.model).toBe('sim-titan');
  });

  it('min-cost: never a model worse than the best by more than δ, and a clearly non-inferior cheaper model is taken', () => {
    // With 400 tasks the paired test has the power to clear a model 1 point below the best at δ = 8 points.
    const delta = 0.08;
    const policy = fit({ type: 'min-cost', delta, alpha: 0.05, min_n: 30 });
    for (const category of categories) {
      const best = Math.max(...models().map((model) => skill(model, category)));
      const chosen = routeOf(policy, category)?.model ?? '';
      expect(skill(chosen, category), `${category} -> ${chosen}`).toBeGreaterThanOrEqual(best - delta - 0.02);
      // A model at most one point below the best is non-inferior with room to spare: the learner must not pay more than it.
      const bargains = models().filter((model) => skill(model, category) >= best - 0.01);
      expect(costOf(chosen, category), `${category} -> ${chosen}`).toBeLessThanOrEqual(Math.min(...bargains.map((model) => costOf(model, category))) + 1e-12);
    }
    // sentiment: sage and titan share the best skill (0.90); sprint and local are close at a fraction of the price.
    expect(['sim-sprint', 'sim-local', 'sim-scribe']).toContain(routeOf(policy, 'sentiment')?.model);
  });

  it('utility: each category gets a model whose true utility is within noise of the best', () => {
    for (const lambda of [0, 20, 1000]) {
      const policy = fit({ type: 'utility', lambda, mu: 0 });
      for (const category of categories) {
        const utility = (model: string) => skill(model, category) - lambda * costOf(model, category);
        const best = Math.max(...models().map(utility));
        const chosen = routeOf(policy, category)?.model ?? '';
        expect(utility(chosen), `λ=${lambda}: ${category} -> ${chosen}`).toBeGreaterThanOrEqual(best - 0.035);
      }
    }
  });

  it('tag:pii => locality:local sends pii tasks to the local model, whatever the cloud models score', () => {
    const policy = fit({ type: 'max-quality' }, { require: [parseRequireRule('tag:pii => locality:local')] });
    const { route } = createRouter(policy);
    for (const category of categories) {
      expect(route({ category, tags: ['pii'] }).model).toBe('sim-local');
      expect(route({ category, tags: ['pii'] }).fallbacks).toEqual([]);
      expect(route({ category }).model).not.toBe('sim-local');
    }
    expect(route({ category: 'unknown', tags: ['pii', 'other'] }).model).toBe('sim-local');
  });
});
