import type { ScorerSpec, ScorerType } from '../core/scorer-spec.ts';
import { createExactScorer } from './create-exact-scorer.ts';
import { createNumericScorer } from './create-numeric-scorer.ts';
import type { Scorer } from './scorer.ts';

type Factories = { [Type in ScorerType]: (spec: Extract<ScorerSpec, { type: Type }>) => Scorer };

/** One entry per scorer type: the compiler refuses a scorer type without a factory. */
const factories: Factories = {
  exact: createExactScorer,
  numeric: createNumericScorer,
};

/** Builds the scorer a spec names. */
export function createScorer(spec: ScorerSpec): Scorer {
  const factory = factories[spec.type] as (spec: ScorerSpec) => Scorer;
  return factory(spec);
}
