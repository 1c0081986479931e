/** The conditions of a route (or of a learner's segment): the fields of a policy route's `match`. */
export interface MatchFields {
  readonly category?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly prompt_chars?: { readonly min?: number | undefined; readonly max?: number | undefined } | undefined;
}

/** A request as matching sees it: the prompt reduced to its length in code points. */
export interface MatchRequest {
  readonly category?: string | undefined;
  readonly tags: readonly string[];
  readonly promptChars?: number | undefined;
}

/**
 * How specifically `match` fits `request`, or -1 when it does not. Most tags wins, then a
 * category, then a prompt band, so a route for `pii` requests beats any route without the tag:
 * constraints on tags can never be bypassed by a more general route.
 */
export function matchSpecificity(match: MatchFields, request: MatchRequest): number {
  if (match.category !== undefined && match.category !== request.category) return -1;
  const tags = match.tags ?? [];
  if (!tags.every((tag) => request.tags.includes(tag))) return -1;
  const band = match.prompt_chars;
  if (band !== undefined) {
    if (request.promptChars === undefined) return -1;
    if (band.min !== undefined && request.promptChars < band.min) return -1;
    if (band.max !== undefined && request.promptChars >= band.max) return -1;
  }
  return tags.length * 4 + (match.category === undefined ? 0 : 2) + (band === undefined ? 0 : 1);
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
