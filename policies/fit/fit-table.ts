import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { findBestMatch, type MatchRequest } from '../router/match-specificity.ts';
import { scoreFeatures } from '../router/score-prompt.ts';
import { matrixPromptFeatures } from '../scorer/matrix-prompt-features.ts';
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

/** The fitted segments, and the prompt scorer that places requests in score bands (when there are any). */
export interface FittedTable {
  readonly fitted: FittedSegment[];
  readonly scorer: PromptScorer | undefined;
}

/** Builds the segments of `train` tasks and chooses a column for each; see `buildSegments`. */
export function fitTable(matrix: PolicyMatrix, deviations: Deviations, train: readonly number[], options: LearnerOptions, source: string): FittedTable {
  const { segments, scorer } = buildSegments(matrix, deviations, train, options, source);
  const fitted = segments.map((segment) => {
    const choice = chooseCandidate(options.objective, { matrix, segment, seed: options.seed });
    return { segment, choice, fallbacks: orderFallbacks(matrix, segment, choice.candidate, options.maxFallbacks) };
  });
  return { fitted, scorer };
}

/**
 * The segment of each of `tasks`, by the router's own precedence (indices into `entries`; 0 is
 * the default). With a scorer, each task's prompt is scored as a router would score it.
 */
export function locateTasks(matrix: PolicyMatrix, entries: readonly { readonly segment: Segment }[], scorer: PromptScorer | undefined, tasks: readonly number[]): number[] {
  return tasks.map((t) => {
    const index = findBestMatch(entries, (entry) => entry.segment.key, taskRequest(matrix, scorer, t));
    return index === -1 ? 0 : index;
  });
}

/** Task `t` as a router sees the request: category, tags, prompt length and (with a scorer) prompt score. */
export function taskRequest(matrix: PolicyMatrix, scorer: PromptScorer | undefined, t: number): MatchRequest {
  const task = matrix.tasks[t];
  if (task === undefined) return { tags: [] };
  const features = scorer === undefined ? undefined : matrixPromptFeatures(matrix)[t];
  const promptScore = scorer === undefined || features === undefined ? undefined : scoreFeatures(scorer, features, task.category);
  return { category: task.category, tags: task.tags, promptChars: task.promptChars, promptScore };
}
