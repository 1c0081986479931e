import type { Ineligibility } from './find-ineligibility.ts';
import type { Measure } from './measure-column.ts';

/** What requests a segment holds: the fields of a route's `match`. */
export interface SegmentKey {
  readonly category?: string;
  readonly tags?: readonly string[];
  /** Prompt length band in code points, `min` inclusive, `max` exclusive. */
  readonly prompt_chars?: { readonly min?: number; readonly max?: number };
  /** Band of the policy's prompt score, `min` inclusive, `max` exclusive. */
  readonly prompt_score?: { readonly min?: number; readonly max?: number };
}

/** An eligible column of a segment: its measures and the (partially pooled) quality the learner decides on. */
export interface Candidate extends Measure {
  readonly estimate: number;
}

/** A set of requests routed together, with every eligible column measured on its training tasks. */
export interface Segment {
  readonly key: SegmentKey;
  /** Training tasks measured (indices into the matrix). */
  readonly tasks: readonly number[];
  /** Eligible columns that scored some task, by column index. */
  readonly candidates: readonly Candidate[];
  /** Why each ineligible column was left out, for the route's reason and for errors. */
  readonly excluded: readonly Ineligibility[];
  /** The segment whose route this one refines (`undefined` for the default). */
  readonly parent: number | undefined;
}
