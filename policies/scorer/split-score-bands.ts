import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';
import { fnv1a } from '../evaluate/assign-folds.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { scoreFeatures } from '../router/score-prompt.ts';
import { fitPromptScorer, roundWeight } from './fit-prompt-scorer.ts';
import { matrixPromptFeatures } from './matrix-prompt-features.ts';
import { pickScorePair } from './pick-score-pair.ts';

/** A band of prompt score and the training tasks in it. */
export interface ScoreBand {
  /** `min` inclusive, `max` exclusive. */
  readonly band: { readonly min?: number; readonly max?: number };
  readonly tasks: readonly number[];
}

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
  const fold = (t: number) => fnv1a(`${seed}\u0000score\u0000${matrix.tasks[t]?.suiteId ?? ''}\u0000${matrix.tasks[t]?.taskId ?? ''}`) % innerFolds;
  const outOfFold = new Map<number, number>();
  for (let f = 0; f < innerFolds; f += 1) {
    const scorer = fitPromptScorer(matrix, features, train.filter((t) => fold(t) !== f), pair, l2);
    for (const t of train) if (fold(t) === f) outOfFold.set(t, scoreFeatures(scorer, features[t] ?? { words: [], charsBin: 0, numeralsBin: 0 }, matrix.tasks[t]?.category));
  }
  const sorted = [...outOfFold.values()].sort((a, b) => a - b);
  for (let bands = count; bands >= 2; bands -= 1) {
    const edges = [...new Set(Array.from({ length: bands - 1 }, (_, i) => roundWeight(sorted[Math.floor((sorted.length * (i + 1)) / bands)] ?? 0)))].filter((edge) => edge > (sorted[0] ?? 0));
    if (edges.length === 0) continue;
    const split = [...edges, Number.POSITIVE_INFINITY].map((max, i) => {
      const min = i === 0 ? undefined : edges[i - 1];
      const tasks = train.filter((t) => {
        const score = outOfFold.get(t) ?? 0;
        return (min === undefined || score >= min) && score < max;
      });
      return { band: { ...(min === undefined ? {} : { min }), ...(max === Number.POSITIVE_INFINITY ? {} : { max }) }, tasks };
    });
    if (split.every((band) => band.tasks.length >= minTasks)) return { scorer: fitPromptScorer(matrix, features, train, pair, l2), bands: split };
  }
  return undefined;
}
