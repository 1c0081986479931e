/** The conditions of a route (or of a learner's segment): the fields of a policy route's `match`. */
export interface MatchFields {
  readonly category?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly prompt_chars?: { readonly min?: number | undefined; readonly max?: number | undefined } | undefined;
  readonly prompt_score?: { readonly min?: number | undefined; readonly max?: number | undefined } | undefined;
}

/** A request as matching sees it: the prompt reduced to its length in code points and its score. */
export interface MatchRequest {
  readonly category?: string | undefined;
  readonly tags: readonly string[];
  readonly promptChars?: number | undefined;
  /** The policy's prompt score of the prompt (see `scorePrompt`); `undefined` without a prompt or scorer. */
  readonly promptScore?: number | undefined;
}

/**
 * How specifically `match` fits `request`, or -1 when it does not. Most tags wins, then a
 * prompt-score band, then a category, then a prompt-length band, so a route for `pii` requests
 * beats any route without the tag: constraints on tags can never be bypassed by a more general
 * route. A score band beats a category because the score already weighs the category (and the
 * prompt's words): it is the finer estimate whenever the request has a prompt.
 */
export function matchSpecificity(match: MatchFields, request: MatchRequest): number {
  if (match.category !== undefined && match.category !== request.category) return -1;
  const tags = match.tags ?? [];
  if (!tags.every((tag) => request.tags.includes(tag))) return -1;
  const band = match.prompt_chars;
  if (band !== undefined && !inBand(band, request.promptChars)) return -1;
  const score = match.prompt_score;
  if (score !== undefined && !inBand(score, request.promptScore)) return -1;
  return specificityOf(match);
}

/** The rank of a route's conditions when several match (see `matchSpecificity`): higher wins. */
export function specificityOf(match: MatchFields): number {
  return (match.tags?.length ?? 0) * 8 + (match.prompt_score === undefined ? 0 : 4) + (match.category === undefined ? 0 : 2) + (match.prompt_chars === undefined ? 0 : 1);
}

/** `value` lies in `[min, max)`; never when it is unknown. */
function inBand(band: { readonly min?: number | undefined; readonly max?: number | undefined }, value: number | undefined): boolean {
  if (value === undefined) return false;
  return (band.min === undefined || value >= band.min) && (band.max === undefined || value < band.max);
}

/** Index of the most specific entry matching `request` (the first among equals), or -1. */
export function findBestMatch<T>(entries: readonly T[], matchOf: (entry: T) => MatchFields, request: MatchRequest): number {
  let best = -1;
  let bestScore = -1;
  entries.forEach((entry, index) => {
    const score = matchSpecificity(matchOf(entry), request);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
