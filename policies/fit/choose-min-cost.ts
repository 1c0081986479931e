import type { Objective } from '../../harness/core/policy-schema.ts';
import { pairedNonInferiorityTest } from '../../harness/stats/non-inferiority-test.ts';
import type { Choice, ChoiceContext } from './choose-candidate.ts';
import { byCost, columnName, percent, perThousand } from './describe.ts';
import type { Candidate } from './segment.ts';

type MinCost = Extract<Objective, { type: 'min-cost' }>;

/**
 * The cheapest model not significantly worse than the segment's best: for each cheaper candidate,
 * cheapest first, a one-sided paired non-inferiority test on the tasks both scored (margin δ,
 * level α). With fewer than `min_n` shared tasks nothing can be shown, so the best is kept and
 * the reason says so. Raw measured quality decides the best here, as the test is on raw scores.
 */
export function chooseMinCost(objective: MinCost, context: ChoiceContext): Choice {
  const { matrix, segment } = context;
  const name = (candidate: Candidate) => columnName(matrix.models[candidate.column]);
  const best = [...segment.candidates].sort((a, b) => b.quality - a.quality || byCost(a, b) || a.errorRate - b.errorRate || a.column - b.column)[0] as Candidate;
  const cheaper = segment.candidates.filter((candidate) => candidate !== best && byCost(candidate, best) < 0).sort((a, b) => byCost(a, b) || a.column - b.column);
  const margin = `δ=${percent(objective.delta)}, α=${objective.alpha}`;
  if (best.n < objective.min_n) {
    return { candidate: best, reason: `min-cost: too little data to test cheaper models (n=${best.n} < min n ${objective.min_n}), so the best model is kept: ${percent(best.quality)}, ${perThousand(best.cost)}` };
  }
  let tooFew = 0;
  for (const candidate of cheaper) {
    const [reference, scores] = pairScores(context, best.column, candidate.column);
    if (reference.length < objective.min_n) {
      tooFew += 1;
      continue;
    }
    const test = pairedNonInferiorityTest(reference, scores, { margin: objective.delta, alpha: objective.alpha, seed: context.seed });
    if (test.nonInferior) {
      return {
        candidate,
        reason: `min-cost: cheapest model not significantly worse than the best, ${name(best)} (${percent(best.quality)}): ${percent(candidate.quality)}, difference ${signedPoints(test.estimate)} with one-sided lower bound ${signedPoints(test.lower)} > −${percent(objective.delta)} on ${test.n} shared tasks (${margin}); ${perThousand(candidate.cost)} vs ${perThousand(best.cost)}`,
      };
    }
  }
  const why = cheaper.length === 0 ? 'no eligible model is cheaper' : `none of the ${cheaper.length} cheaper model(s) is non-inferior (${margin})${tooFew > 0 ? `; ${tooFew} had fewer than ${objective.min_n} shared tasks` : ''}`;
  return { candidate: best, reason: `min-cost: the best model, ${percent(best.quality)} on n=${best.n}, ${perThousand(best.cost)}: ${why}` };
}

/** Scores of two columns on the segment's tasks both scored, in task order. */
function pairScores(context: ChoiceContext, first: number, second: number): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  const x = context.matrix.columns[first]?.score;
  const y = context.matrix.columns[second]?.score;
  if (x === undefined || y === undefined) return [a, b];
  for (const t of context.segment.tasks) {
    const scoreX = x[t] as number;
    const scoreY = y[t] as number;
    if (Number.isNaN(scoreX) || Number.isNaN(scoreY)) continue;
    a.push(scoreX);
    b.push(scoreY);
  }
  return [a, b];
}

function signedPoints(value: number): string {
  return `${value >= 0 ? '+' : '−'}${percent(Math.abs(value))}`;
}
