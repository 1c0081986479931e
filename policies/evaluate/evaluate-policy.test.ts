import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyEvaluationSchema, type PolicyEvaluation } from '../../harness/core/policy-evaluation-schema.ts';
import { openStore } from '../../harness/store/open-store.ts';
import type { Store } from '../../harness/store/store.ts';
import { writeMatrixStore, type MatrixAttemptInput } from '../../test/helpers/write-matrix-store.ts';
import { defaultLearnerOptions } from '../fit/learner-options.ts';
import { readPolicyMatrix } from '../matrix/read-policy-matrix.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { readCell } from '../matrix/read-cell.ts';
import { selectPolicyRuns } from '../matrix/select-policy-runs.ts';
import { canonicalJson } from '../write/canonical-json.ts';
import { assignFolds } from './assign-folds.ts';
import { evaluatePolicy } from './evaluate-policy.ts';
import { reachX } from './router-metrics.ts';

/** A small seeded generator, so the matrix is random-looking yet the same every time. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const models = [
  { id: 'a', cost: 0.002 },
  { id: 'b', cost: 0.005 },
  { id: 'c', cost: 0.001 },
];
const skill: Record<string, Record<string, number>> = { x: { a: 0.8, b: 0.6, c: 0.5 }, y: { a: 0.5, b: 0.85, c: 0.55 }, z: { a: 0.6, b: 0.6, c: 0.75 } };
let store: Store;
let matrix: PolicyMatrix;
let runs: Awaited<ReturnType<typeof selectPolicyRuns>>;

beforeAll(async () => {
  const random = lcg(7);
  const tasks = Object.keys(skill).flatMap((category) => Array.from({ length: 37 }, (_, i) => ({ taskId: `${category}-${i}`, category })));
  const attempts: MatrixAttemptInput[] = tasks.flatMap((task) => models.map((model) => ({ taskId: task.taskId, modelId: model.id, score: random() < (skill[task.category]?.[model.id] ?? 0) ? 1 : 0, costUsd: model.cost })));
  store = await openStore(':memory:');
  await writeMatrixStore(store, { models: models.map(({ id }) => ({ id, price: { input: 1, output: 1 } })), tasks, attempts });
  runs = await selectPolicyRuns(store);
  matrix = await readPolicyMatrix(store, runs);
});
afterAll(() => store.close());

const evaluate = (folds = 5): PolicyEvaluation => evaluatePolicy(matrix, { ...defaultLearnerOptions, shrinkage: 0, cascades: false }, folds, { runs, batonVersion: 'test' }, 'test.duckdb');

describe('evaluatePolicy', () => {
  it('gives the held-out figures an independent computation gives', () => {
    const evaluation = evaluate();
    const folds = assignFolds(matrix, 5, 1);
    const score = (t: number, m: number) => readCell(matrix, t, m)?.score ?? 0;
    const cost = (m: number) => models.find((model) => model.id === matrix.models[m]?.id)?.cost ?? 0;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const columns = matrix.models.map((_, m) => m);
    const policy: number[] = [];
    const policyCost: number[] = [];
    const best: number[] = [];
    for (let fold = 0; fold < 5; fold += 1) {
      const train = matrix.tasks.map((_, t) => t).filter((t) => folds[t] !== fold);
      const trainMean = (m: number, tasks: number[]) => mean(tasks.map((t) => score(t, m)));
      const pick = (tasks: number[]) => [...columns].sort((p, q) => trainMean(q, tasks) - trainMean(p, tasks) || cost(p) - cost(q))[0] ?? 0;
      const overall = [...columns].sort((p, q) => trainMean(q, train) - trainMean(p, train) || p - q)[0] ?? 0;
      matrix.tasks.forEach((task, t) => {
        if (folds[t] !== fold) return;
        const m = pick(train.filter((u) => matrix.tasks[u]?.category === task.category));
        policy.push(score(t, m));
        policyCost.push(cost(m));
        best.push(score(t, overall));
      });
    }
    const all = matrix.tasks.map((_, t) => t);
    const oracle = all.map((t) => Math.max(...columns.map((m) => score(t, m))));
    const oracleCost = all.map((t) => Math.min(...columns.filter((m) => score(t, m) === oracle[t]).map(cost)));
    expect(evaluation.tasks).toBe(111);
    expect(evaluation.policy.quality).toBeCloseTo(mean(policy), 12);
    expect(evaluation.policy.cost_per_task_usd).toBeCloseTo(mean(policyCost), 12);
    expect(evaluation.best_single.quality).toBeCloseTo(mean(best), 12);
    expect(evaluation.oracle.quality).toBeCloseTo(mean(oracle), 12);
    expect(evaluation.oracle.cost_per_task_usd).toBeCloseTo(mean(oracleCost), 12);
    expect(evaluation.random.quality).toBeCloseTo(mean(all.map((t) => mean(columns.map((m) => score(t, m))))), 12);
    expect(evaluation.random.cost_per_task_usd).toBeCloseTo(mean(models.map((model) => model.cost)), 12);
    expect(evaluation.gap_closed).toBeCloseTo((mean(policy) - mean(best)) / (mean(oracle) - mean(best)), 12);
    expect(evaluation.per_fold.reduce((sum, fold) => sum + fold.tasks, 0)).toBe(111);
    // Each category has a different best model, so routing beats any single model held out.
    expect(evaluation.policy.quality).toBeGreaterThan(evaluation.best_single.quality);
  });

  it('traces a held-out cost-quality curve and reads the router metrics from it', () => {
    const evaluation = evaluate();
    const curve = evaluation.curve.map((point) => ({ x: point.cost_per_task_usd, y: point.quality }));
    expect(curve.length).toBeGreaterThan(2);
    expect(curve.every((point, i) => i === 0 || point.x >= (curve[i - 1]?.x ?? 0))).toBe(true);
    const reached = reachX(curve, evaluation.best_single.quality - 1e-12);
    expect(evaluation.cost_saved_at_equal_quality).toBeCloseTo(1 - (reached ?? 0) / (evaluation.best_single.cost_per_task_usd ?? 1), 12);
    expect(evaluation.hull_area).toBeGreaterThan(0.5);
    expect(evaluation.hull_area).toBeLessThanOrEqual(1);
    expect(evaluation.two_model).toBeUndefined();
  });

  it('is deterministic and valid against its schema', () => {
    const first = canonicalJson(evaluate());
    expect(canonicalJson(evaluate())).toBe(first);
    expect(() => PolicyEvaluationSchema.parse(JSON.parse(first))).not.toThrow();
    expect(canonicalJson(evaluate(3))).not.toBe(first);
  });
});
