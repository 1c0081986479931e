import type { Objective } from '../../harness/core/policy-schema.ts';
import type { Choice, ChoiceContext } from './choose-candidate.ts';
import { byCost, columnName, percent, perThousand } from './describe.ts';
import type { Candidate } from './segment.ts';

type Utility = Extract<Objective, { type: 'utility' }>;

/** quality − λ·cost per task − μ·p95 latency, with the pooled quality estimate; unknown latency counts as 0. */
export function utilityOf(candidate: Candidate, lambda: number, mu: number): number {
  return candidate.estimate - lambda * (candidate.cost ?? 0) - mu * (candidate.p95 ?? 0);
}

/** The candidates utility may weigh: unpriced ones only when λ is 0 or nothing is priced, since their cost is unknown. */
export function utilityCandidates(candidates: readonly Candidate[], lambda: number): readonly Candidate[] {
  if (lambda === 0) return candidates;
  const priced = candidates.filter((candidate) => candidate.cost !== null);
  return priced.length > 0 ? priced : candidates;
}

/** Highest utility; exact ties go to the cheaper model. */
export function chooseUtility(objective: Utility, context: ChoiceContext): Choice {
  const { lambda, mu } = objective;
  const ranked = [...utilityCandidates(context.segment.candidates, lambda)].sort((a, b) => {
    const difference = utilityOf(b, lambda, mu) - utilityOf(a, lambda, mu);
    return Math.abs(difference) > 1e-12 ? difference : byCost(a, b) || a.column - b.column;
  });
  const [best, next] = ranked as [Candidate, ...Candidate[]];
  const value = (candidate: Candidate) => utilityOf(candidate, lambda, mu).toFixed(4);
  const versus = next === undefined ? 'the only eligible model' : `ahead of ${columnName(context.matrix.models[next.column])} at ${value(next)}`;
  return {
    candidate: best,
    reason: `utility: highest quality − λ·cost − μ·p95 = ${value(best)} (λ=${lambda}, μ=${mu}; quality ${percent(best.quality)}, estimate ${percent(best.estimate)}, ${perThousand(best.cost)}, p95 ${best.p95 === null ? 'unknown' : `${Math.round(best.p95)} ms`}), ${versus}`,
  };
}
