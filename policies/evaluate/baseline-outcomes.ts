import type { PolicyOutcome } from '../../harness/core/policy-evaluation-schema.ts';
import type { Candidate } from '../fit/segment.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { averageOutcome, cellOutcome, type FoldFit } from './fit-folds.ts';

/** The routers a policy is measured against, all held out on the same folds. */
export interface Baselines {
  readonly bestSingle: PolicyOutcome & { readonly model: string };
  readonly oracle: PolicyOutcome;
  readonly random: PolicyOutcome;
}

/**
 * Best single model (the one with the highest training quality in each fold among models every
 * request may use; where a rule forbids it, as for a `pii` task, the best model the rule allows,
 * so that constraints cost every router alike), the per-task oracle and uniform random routing
 * (both among the models the task's segment may use). Cascades are policies, not models: they
 * take no part here.
 */
export function measureBaselines(matrix: PolicyMatrix, fits: readonly FoldFit[]): Baselines {
  const single = (candidates: readonly Candidate[]) => candidates.filter((candidate) => matrix.models[candidate.column]?.cascade === undefined);
  const best: { score: number | null; cost: number | null }[] = [];
  const oracle: { score: number | null; cost: number | null }[] = [];
  const random: { score: number | null; cost: number | null }[] = [];
  const chosen = new Map<string, number>();
  for (const fit of fits) {
    const root = fit.fitted[0];
    const pick = single(root?.segment.candidates ?? []).sort((a, b) => b.quality - a.quality || a.column - b.column)[0];
    if (pick !== undefined) chosen.set(matrix.models[pick.column]?.id ?? '', (chosen.get(matrix.models[pick.column]?.id ?? '') ?? 0) + fit.tasks.length);
    fit.tasks.forEach((t, i) => {
      const candidates = single(fit.fitted[fit.segments[i] ?? 0]?.segment.candidates ?? []);
      const allowed = candidates.some((candidate) => candidate.column === pick?.column) ? pick : [...candidates].sort((a, b) => b.quality - a.quality || a.column - b.column)[0];
      if (allowed !== undefined) best.push(cellOutcome(matrix, t, allowed.column));
      const outcomes = candidates.map((candidate) => cellOutcome(matrix, t, candidate.column)).filter((outcome) => outcome.score !== null);
      const top = [...outcomes].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.cost ?? Number.POSITIVE_INFINITY) - (b.cost ?? Number.POSITIVE_INFINITY))[0];
      if (top !== undefined) oracle.push(top);
      if (outcomes.length > 0) {
        const costs = outcomes.map((outcome) => outcome.cost);
        random.push({
          score: outcomes.reduce((sum, outcome) => sum + (outcome.score ?? 0), 0) / outcomes.length,
          cost: costs.includes(null) ? null : costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0) / costs.length,
        });
      }
    });
  }
  // The model named is the one most folds chose (by held-out tasks), normally the same in every fold.
  const model = [...chosen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  return { bestSingle: { model, ...averageOutcome(best) }, oracle: averageOutcome(oracle), random: averageOutcome(random) };
}
