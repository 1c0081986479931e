import type { Objective } from '../../harness/core/policy-schema.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { chooseMaxQuality } from './choose-max-quality.ts';
import { chooseMinCost } from './choose-min-cost.ts';
import { chooseUtility } from './choose-utility.ts';
import type { Candidate, Segment } from './segment.ts';

/** The chosen column of a segment and why. */
export interface Choice {
  readonly candidate: Candidate;
  readonly reason: string;
}

/** What a chooser may look at besides the segment. */
export interface ChoiceContext {
  readonly matrix: PolicyMatrix;
  readonly segment: Segment;
  /** Seed of the bootstrap tests. */
  readonly seed: number;
}

type Choosers = { [Type in Objective['type']]: (objective: Extract<Objective, { type: Type }>, context: ChoiceContext) => Choice };

/** One chooser per objective (the compiler refuses a missing one). */
const choosers: Choosers = {
  'max-quality': (_objective, context) => chooseMaxQuality(context),
  'min-cost': (objective, context) => chooseMinCost(objective, context),
  utility: (objective, context) => chooseUtility(objective, context),
};

/** Chooses a segment's column under `objective`. The segment has at least one candidate. */
export function chooseCandidate(objective: Objective, context: ChoiceContext): Choice {
  const chooser = choosers[objective.type] as (objective: Objective, context: ChoiceContext) => Choice;
  return chooser(objective, context);
}
