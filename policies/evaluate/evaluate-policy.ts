import { policyEvaluationSchemaVersion, type PolicyEvaluation } from '../../harness/core/policy-evaluation-schema.ts';
import type { PolicyOrigin } from '../assemble-policy.ts';
import { describeLearner } from '../describe-learner.ts';
import type { LearnerOptions } from '../fit/learner-options.ts';
import { computeDeviations } from '../fit/shrink-estimates.ts';
import { addCascadeColumns } from '../matrix/add-cascade-columns.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { assignFolds } from './assign-folds.ts';
import { measureBaselines } from './baseline-outcomes.ts';
import { fitFolds } from './fit-folds.ts';
import { measureRouterMetrics } from './measure-router-metrics.ts';
import { createOutcomeSum } from './outcome-sum.ts';
import { traceCurves } from './trace-curves.ts';

/**
 * Honest evaluation of the learner: k-fold cross-validation over tasks (stratified by category),
 * fitting on k − 1 folds and scoring the held-out one, for the policy under `options` and for
 * the baselines (best single model, per-task oracle, random routing), plus the held-out
 * cost–quality curve of the utility objective and the router metrics read from it.
 */
export function evaluatePolicy(matrix: PolicyMatrix, options: LearnerOptions, folds: number, origin: PolicyOrigin, source: string): PolicyEvaluation {
  const columns = options.cascades ? addCascadeColumns(matrix) : matrix;
  const k = Math.min(folds, columns.tasks.length);
  const assignment = assignFolds(columns, Math.max(2, k), options.seed);
  const fits = fitFolds(columns, computeDeviations(columns), assignment, Math.max(2, k), options, source);
  // Held-out outcomes in fold order, then task order: the whole's sum runs over the folds' in turn.
  const overall = createOutcomeSum();
  const perFold = fits.map((fit) => {
    const sum = createOutcomeSum();
    fit.tasks.forEach((t, i) => {
      const column = columns.columns[fit.fitted[fit.segments[i] ?? 0]?.choice.candidate.column ?? 0];
      sum.addCell(column, t);
      overall.addCell(column, t);
    });
    return { fold: fit.fold, tasks: fit.tasks.length, ...sum.mean() };
  });
  const policy = overall.mean();
  const baselines = measureBaselines(columns, fits);
  const singles = columns.models.flatMap((model, m) => {
    if (model.cascade !== undefined) return [];
    const sum = createOutcomeSum();
    for (let t = 0; t < columns.tasks.length; t += 1) sum.addCell(columns.columns[m], t);
    return [{ model: model.id, column: m, ...sum.mean() }];
  });
  const pair = singles.length === 2 ? orderPair(singles[0] as (typeof singles)[number], singles[1] as (typeof singles)[number]) : undefined;
  const { costCurve, shareCurve } = traceCurves(columns, fits, options.objective.type === 'utility' ? options.objective.mu : 0, pair === undefined ? undefined : { strong: pair.strong.column, weak: pair.weak.column });
  const metrics = measureRouterMetrics(costCurve, shareCurve, policy, baselines, singles, pair);
  return {
    schema: policyEvaluationSchemaVersion,
    folds: Math.max(2, k),
    seed: options.seed,
    tasks: columns.tasks.length,
    policy,
    best_single: baselines.bestSingle,
    oracle: baselines.oracle,
    random: baselines.random,
    models: singles.map(({ model, quality, cost_per_task_usd }) => ({ model, quality, cost_per_task_usd })),
    ...metrics,
    curve: costCurve.map((point) => ({ cost_per_task_usd: point.x, quality: point.y })),
    per_fold: perFold,
    provenance: {
      runs: origin.runs.map((run) => run.runId),
      learner: describeLearner(options),
      baton_version: origin.batonVersion,
      simulated: origin.runs.some((run) => run.simulated) || columns.models.some((model) => model.simulated),
      ...(origin.createdAt === undefined ? {} : { created_at: origin.createdAt }),
    },
  };
}

/** Strong = the dearer of two models (ties: the better), weak = the other. */
function orderPair<T extends { cost_per_task_usd: number | null; quality: number }>(a: T, b: T): { strong: T; weak: T } {
  const costA = a.cost_per_task_usd ?? 0;
  const costB = b.cost_per_task_usd ?? 0;
  const aStrong = costA > costB || (costA === costB && a.quality >= b.quality);
  return aStrong ? { strong: a, weak: b } : { strong: b, weak: a };
}
