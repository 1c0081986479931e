import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';
import { fnv1a } from '../evaluate/assign-folds.ts';
import { splitAtQuantiles, type QuantileBand } from '../fit/split-at-quantiles.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { scoreFeatures } from '../router/score-prompt.ts';
import { fitPromptScorer, roundWeight } from './fit-prompt-scorer.ts';
import { matrixPromptFeatures } from './matrix-prompt-features.ts';
import { pickScorePair } from './pick-score-pair.ts';

/** A band of prompt score and the training tasks in it. */
export type ScoreBand = QuantileBand;

/** What the learner needs to route on prompt scores. */
export interface ScoreBands {
  /** Fitted on all of `train`: the scorer the policy ships. */
  readonly scorer: PromptScorer;
  readonly bands: readonly ScoreBand[];
}

/** Folds of the cross-fitting inside the training tasks. */
const innerFolds = 5;

/**
 * Fits a prompt scorer on `train` and splits `train` into up to `count` bands of its score at the
 * quantiles, each holding at least `minTasks` tasks. A task's band comes from a scorer fitted
 * without it (5-fold cross-fitting inside `train`): in-sample scores would make the top band look
 * better than it is, and the learner would send it to the strong model too eagerly. `undefined`
 * when there is no pair of models to contrast or the data cannot fill two bands.
 */
export function splitScoreBands(matrix: PolicyMatrix, train: readonly number[], count: number, minTasks: number, l2: number, seed: number): ScoreBands | undefined {
  const pair = pickScorePair(matrix, train);
  if (pair === undefined || train.length < innerFolds * 2) return undefined;
  const features = matrixPromptFeatures(matrix);
  // Each task's inner fold, hashed once.
  const folds = new Map(train.map((t) => [t, fnv1a(`${seed}\u0000score\u0000${matrix.tasks[t]?.suiteId ?? ''}\u0000${matrix.tasks[t]?.taskId ?? ''}`) % innerFolds]));
  const outOfFold = new Map<number, number>();
  for (let f = 0; f < innerFolds; f += 1) {
    const scorer = fitPromptScorer(matrix, features, train.filter((t) => folds.get(t) !== f), pair, l2);
    for (const t of train) if (folds.get(t) === f) outOfFold.set(t, scoreFeatures(scorer, features[t] ?? { words: [], charsBin: 0, numeralsBin: 0 }, matrix.tasks[t]?.category));
  }
  const bands = splitAtQuantiles(train, (t) => outOfFold.get(t) ?? 0, count, minTasks, roundWeight);
  return bands.length < 2 ? undefined : { scorer: fitPromptScorer(matrix, features, train, pair, l2), bands };
}
