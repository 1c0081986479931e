import type { PolicyMatrix, MatrixTask } from '../matrix/policy-matrix.ts';
import { findBestMatch } from '../router/match-specificity.ts';
import { buildSegments } from './build-segments.ts';
import { chooseCandidate, type Choice } from './choose-candidate.ts';
import type { LearnerOptions } from './learner-options.ts';
import { orderFallbacks } from './order-fallbacks.ts';
import type { Segment } from './segment.ts';
import type { Deviations } from './shrink-estimates.ts';

/** A segment with the column chosen for it under the objective, and its fallback chain. */
export interface FittedSegment {
  readonly segment: Segment;
  readonly choice: Choice;
  readonly fallbacks: readonly string[];
}

/** Builds the segments of `train` tasks and chooses a column for each; see `buildSegments`. */
export function fitTable(matrix: PolicyMatrix, deviations: Deviations, train: readonly number[], options: LearnerOptions, source: string): FittedSegment[] {
  return buildSegments(matrix, deviations, train, options, source).map((segment) => {
    const choice = chooseCandidate(options.objective, { matrix, segment, seed: options.seed });
    return { segment, choice, fallbacks: orderFallbacks(matrix, segment, choice.candidate, options.maxFallbacks) };
  });
}

/** The segment a task falls in, by the router's own precedence (index into `segments`; 0 is the default). */
export function locateTask(segments: readonly { readonly segment: Segment }[], task: MatrixTask): number {
  const index = findBestMatch(segments, (entry) => entry.segment.key, { category: task.category, tags: task.tags, promptChars: task.promptChars });
  return index === -1 ? 0 : index;
}
