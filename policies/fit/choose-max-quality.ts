import type { Choice, ChoiceContext } from './choose-candidate.ts';
import { byCost, columnName, percent, perThousand } from './describe.ts';
import type { Candidate } from './segment.ts';

/** Best estimated quality; exact ties go to the cheaper, then the more reliable model. */
export function chooseMaxQuality(context: ChoiceContext): Choice {
  const ranked = rankByQuality(context.segment.candidates);
  const [best, next] = ranked as [Candidate, ...Candidate[]];
  const name = (candidate: Candidate) => columnName(context.matrix.models[candidate.column]);
  const pooled = Math.abs(best.estimate - best.quality) >= 0.0005 ? ` (pooled estimate ${percent(best.estimate)})` : '';
  const runnerUp = next === undefined ? 'the only eligible model' : `ahead of ${name(next)} at ${percent(next.quality)}`;
  return { candidate: best, reason: `max-quality: highest quality ${percent(best.quality)}${pooled} on n=${best.n}, ${runnerUp}; ${perThousand(best.cost)}` };
}

/** Candidates by estimated quality, best first; ties by cost, error rate, column. */
export function rankByQuality(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => {
    const difference = b.estimate - a.estimate;
    if (Math.abs(difference) > 1e-12) return difference;
    return byCost(a, b) || a.errorRate - b.errorRate || a.column - b.column;
  });
}
