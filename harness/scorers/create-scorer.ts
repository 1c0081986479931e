import type { ScorerSpec, ScorerSpecOf, ScorerType } from '../core/scorer-spec.ts';
import { createChoiceScorer } from './choice/create-choice-scorer.ts';
import { createCodeScorer } from './code/create-code-scorer.ts';
import { createCustomScorer } from './composite/create-custom-scorer.ts';
import { createWeightedScorer } from './composite/create-weighted-scorer.ts';
import { createJsonScorer } from './json/create-json-scorer.ts';
import { createJudgeScorer } from './judge/create-judge-scorer.ts';
import { createNumericScorer } from './numeric/create-numeric-scorer.ts';
import type { Scorer, ScorerContext } from './scorer.ts';
import { createContainsScorer } from './text/create-contains-scorer.ts';
import { createExactScorer } from './text/create-exact-scorer.ts';
import { createRegexScorer } from './text/create-regex-scorer.ts';

type Factories = { [Type in ScorerType]: (spec: ScorerSpecOf<Type>, context: ScorerContext) => Scorer };

/** One entry per scorer type: the compiler refuses a scorer type without a factory. */
const factories: Factories = {
  exact: createExactScorer,
  contains: createContainsScorer,
  regex: createRegexScorer,
  choice: createChoiceScorer,
  numeric: createNumericScorer,
  json: createJsonScorer,
  code: createCodeScorer,
  judge: createJudgeScorer,
  custom: createCustomScorer,
  weighted: (spec, context) => createWeightedScorer(spec, (part) => createScorer(part, context)),
};

/** Where scorers run when the caller gives no context: custom modules resolve from the cwd, no judges. */
const defaultContext: ScorerContext = { baseDir: process.cwd() };

/** Builds the scorer a spec names. */
export function createScorer(spec: ScorerSpec, context: ScorerContext = defaultContext): Scorer {
  const factory = factories[spec.type] as (spec: ScorerSpec, context: ScorerContext) => Scorer;
  return factory(spec, context);
}
