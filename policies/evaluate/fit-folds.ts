import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';
import { fitTable, locateTasks, type FittedSegment } from '../fit/fit-table.ts';
import type { LearnerOptions } from '../fit/learner-options.ts';
import type { Deviations } from '../fit/shrink-estimates.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/** One fold of the cross-validation: the policy fitted without it, and where its tasks land. */
export interface FoldFit {
  readonly fold: number;
  readonly fitted: readonly FittedSegment[];
  /** The fold's prompt scorer, when the policy routes on prompt scores. */
  readonly scorer: PromptScorer | undefined;
  /** The fold's (held-out) tasks. */
  readonly tasks: readonly number[];
  /** For each held-out task, in order, the index of its segment in `fitted`. */
  readonly segments: readonly number[];
}

/** Fits the learner on all folds but one, k times, and locates each held-out task in its fold's policy. */
export function fitFolds(matrix: PolicyMatrix, deviations: Deviations, folds: Int32Array, k: number, options: LearnerOptions, source: string): FoldFit[] {
  return Array.from({ length: k }, (_, fold) => {
    const train: number[] = [];
    const tasks: number[] = [];
    folds.forEach((f, t) => (f === fold ? tasks : train).push(t));
    const { fitted, scorer } = fitTable(matrix, deviations, train, options, source);
    return { fold, fitted, scorer, tasks, segments: locateTasks(matrix, fitted, scorer, tasks) };
  });
}
