import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { byCost } from './describe.ts';
import type { Candidate, Segment } from './segment.ts';

/**
 * The fallback chain of a route: the other eligible models, best first by quality discounted by
 * their error and timeout rate (a fallback exists because a call failed, so a model that often
 * fails is a poor one), ties to the cheaper; at most `max` of them. Cascades are never fallbacks.
 */
export function orderFallbacks(matrix: PolicyMatrix, segment: Segment, chosen: Candidate, max: number): string[] {
  const chosenModel = matrix.models[chosen.column];
  const primary = chosenModel?.cascade?.first ?? chosenModel?.id;
  const reliable = (candidate: Candidate) => candidate.estimate * (1 - candidate.errorRate);
  return segment.candidates
    .filter((candidate) => matrix.models[candidate.column]?.cascade === undefined && matrix.models[candidate.column]?.id !== primary)
    .sort((a, b) => {
      const difference = reliable(b) - reliable(a);
      return Math.abs(difference) > 1e-12 ? difference : byCost(a, b) || a.column - b.column;
    })
    .slice(0, max)
    .map((candidate) => matrix.models[candidate.column]?.id ?? '');
}
