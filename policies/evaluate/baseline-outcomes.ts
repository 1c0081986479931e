import type { PolicyOutcome } from '../../harness/core/policy-evaluation-schema.ts';
import type { Candidate } from '../fit/segment.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import type { FoldFit } from './fit-folds.ts';
import { createOutcomeSum } from './outcome-sum.ts';

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
 * take no part here. Sums run over folds, then held-out tasks, in order.
 */
export function measureBaselines(matrix: PolicyMatrix, fits: readonly FoldFit[]): Baselines {
  const single = (candidates: readonly Candidate[]) => candidates.filter((candidate) => matrix.models[candidate.column]?.cascade === undefined);
  const byQuality = (candidates: readonly Candidate[]) => [...candidates].sort((a, b) => b.quality - a.quality || a.column - b.column)[0];
  const best = createOutcomeSum();
  const oracle = createOutcomeSum();
  const random = createOutcomeSum();
  const chosen = new Map<string, number>();
  for (const fit of fits) {
    const pick = byQuality(single(fit.fitted[0]?.segment.candidates ?? []));
    if (pick !== undefined) chosen.set(matrix.models[pick.column]?.id ?? '', (chosen.get(matrix.models[pick.column]?.id ?? '') ?? 0) + fit.tasks.length);
    // What a segment allows is the same for all its tasks: worked out once per segment.
    const segments = fit.fitted.map((entry) => {
      const candidates = single(entry.segment.candidates);
      const allowed = candidates.some((candidate) => candidate.column === pick?.column) ? pick : byQuality(candidates);
      return { columns: candidates.map((candidate) => matrix.columns[candidate.column]), allowed: allowed === undefined ? undefined : matrix.columns[allowed.column] };
    });
    fit.tasks.forEach((t, i) => {
      const segment = segments[fit.segments[i] ?? 0];
      if (segment === undefined) return;
      if (segment.allowed !== undefined) best.addCell(segment.allowed, t);
      // Oracle: the first candidate with the best score, ties to the cheaper (unpriced last).
      let topScore = Number.NaN;
      let topCost = Number.NaN;
      let scoreSum = 0;
      let costSum = 0;
      let scored = 0;
      let unpriced = false;
      for (const column of segment.columns) {
        const score = column?.score[t] ?? Number.NaN;
        if (Number.isNaN(score)) continue;
        const cost = column?.cost[t] ?? Number.NaN;
        if (scored === 0 || score > topScore || (score === topScore && costOrInfinity(cost) < costOrInfinity(topCost))) {
          topScore = score;
          topCost = cost;
        }
        scoreSum += score;
        costSum += Number.isNaN(cost) ? 0 : cost;
        unpriced ||= Number.isNaN(cost);
        scored += 1;
      }
      if (scored === 0) return;
      oracle.add(topScore, topCost);
      random.add(scoreSum / scored, unpriced ? Number.NaN : costSum / scored);
    });
  }
  // The model named is the one most folds chose (by held-out tasks), normally the same in every fold.
  const model = [...chosen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  return { bestSingle: { model, ...best.mean() }, oracle: oracle.mean(), random: random.mean() };
}

function costOrInfinity(cost: number): number {
  return Number.isNaN(cost) ? Number.POSITIVE_INFINITY : cost;
}
