import type { MetricRow } from '../report-data.ts';
import type { PolicyFile } from './read-policy-file.ts';
import type { PolicyPoint, PolicySummary } from './policy-summary.ts';

/**
 * Sets the policy against the best single model on the subject run: each category's answers
 * are credited to the model the policy routes it to, weighted by the category's attempts. This
 * is in-sample when the policy was fitted on the same run, and is labelled so; held-out figures
 * from the policy file, when present, are shown beside it.
 */
export function summarizePolicy(file: string, policy: PolicyFile, models: readonly MetricRow[], cells: readonly MetricRow[], notes: string[]): PolicySummary {
  const categories = [...new Set(cells.map((cell) => cell.category ?? ''))].sort();
  const routed = new Map(policy.routes.map((route) => [route.category, route.modelId]));
  const routes: { category: string; modelId: string }[] = [];
  let weight = 0;
  let quality = 0;
  let cost: number | null = 0;
  for (const category of categories) {
    const modelId = routed.get(category) ?? policy.defaultModelId;
    const cell = cells.find((candidate) => candidate.category === category && candidate.modelId === modelId);
    if (modelId === null || cell === undefined || cell.quality.estimate === null) {
      notes.push(`policy: category \`${category}\` has no route to a model of this run; left out of the policy's figures`);
      continue;
    }
    routes.push({ category, modelId });
    weight += cell.attempts;
    quality += cell.quality.estimate * cell.attempts;
    cost = cost === null || cell.costPerTask === null ? null : cost + cell.costPerTask * cell.attempts;
  }
  const points: PolicyPoint[] = [];
  if (weight > 0) points.push({ label: 'policy', quality: quality / weight, costPerTask: cost === null ? null : cost / weight, basis: 'in-sample' });
  if (weight > 0 && cost === null) notes.push('policy: a routed model has no price, so the policy has no cost and is left off the cost-quality chart');
  const best = bestSingleModel(models);
  if (best !== undefined) points.push({ label: `best single model (${best.modelId})`, quality: best.quality.estimate ?? 0, costPerTask: best.costPerTask, basis: 'in-sample' });
  for (const entry of policy.evaluation) points.push({ label: entry.name.replaceAll('_', ' '), quality: entry.quality, costPerTask: entry.costPerTask, basis: 'held-out' });
  return { file, objective: policy.objective, routes, points };
}

/** The model with the highest quality over all categories; the cheaper one on a tie. */
export function bestSingleModel(models: readonly MetricRow[]): MetricRow | undefined {
  const rated = models.filter((model) => model.quality.estimate !== null);
  return rated.sort((a, b) => (b.quality.estimate ?? 0) - (a.quality.estimate ?? 0) || (a.costPerTask ?? Infinity) - (b.costPerTask ?? Infinity))[0];
}
