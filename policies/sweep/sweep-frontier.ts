import { policyFrontierSchemaVersion, type PolicyFrontier } from '../../harness/core/policy-frontier-schema.ts';
import { columnName } from '../fit/describe.ts';
import { fitTable, locateTasks } from '../fit/fit-table.ts';
import type { LearnerOptions } from '../fit/learner-options.ts';
import { computeDeviations } from '../fit/shrink-estimates.ts';
import { createOutcomeSum } from '../evaluate/outcome-sum.ts';
import { traceFoldCurve } from '../evaluate/trace-held-out-curve.ts';
import { chooseUtility } from '../fit/choose-utility.ts';
import { addCascadeColumns } from '../matrix/add-cascade-columns.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { routeKey } from '../router/route-key.ts';

/**
 * The policy frontier of the utility objective on all tasks: for every range of λ over which the
 * choice of every route stays the same, the policy's quality, cost per task and category routes.
 * Unpriced models leave no frontier (cost is unknown), so the points are then empty.
 */
export function sweepFrontier(matrix: PolicyMatrix, options: LearnerOptions, source: string): PolicyFrontier {
  const columns = options.cascades ? addCascadeColumns(matrix) : matrix;
  const mu = options.objective.type === 'utility' ? options.objective.mu : 0;
  const tasks = columns.tasks.map((_, t) => t);
  const { fitted, scorer } = fitTable(columns, computeDeviations(columns), tasks, { ...options, objective: { type: 'utility', lambda: 0, mu } }, source);
  const fit = { fold: 0, fitted, scorer, tasks, segments: locateTasks(columns, fitted, scorer, tasks) };
  const seen = new Set<string>();
  const points = traceFoldCurve(columns, fit, mu).flatMap((point) => {
    const routes: Record<string, string> = {};
    for (const entry of fitted) {
      const { key } = entry.segment;
      // Category routes by category name; prompt-score bands (which take precedence for prompts) by route key.
      const name = key.tags !== undefined || key.prompt_chars !== undefined ? undefined : key.prompt_score !== undefined ? routeKey(key) : key.category;
      if (name === undefined) continue;
      const choice = chooseUtility({ type: 'utility', lambda: point.lambda, mu }, { matrix: columns, segment: entry.segment, seed: options.seed });
      routes[name] = columnName(columns.models[choice.candidate.column]);
    }
    const signature = `${point.quality}\u0000${point.cost}\u0000${JSON.stringify(routes)}`;
    if (seen.has(signature)) return [];
    seen.add(signature);
    return [{ lambda: point.lambda, quality: point.quality, cost_per_task_usd: point.cost, routes }];
  });
  const models = columns.models.flatMap((model, m) => {
    if (model.cascade !== undefined) return [];
    const sum = createOutcomeSum();
    for (let t = 0; t < columns.tasks.length; t += 1) sum.addCell(columns.columns[m], t);
    return [{ model: model.id, ...sum.mean() }];
  });
  return { schema: policyFrontierSchemaVersion, mu, points, models, simulated: columns.models.some((model) => model.simulated) };
}
