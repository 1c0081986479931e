import type { RouteMatch } from '../../harness/core/policy-schema.ts';

/**
 * A route's name as one string, e.g. `category:ticket-routing+tag:pii`, `category:x+chars:0-499` or
 * `score:0.05~0.2` (a prompt-score band, `min` inclusive to `max` exclusive; either may be empty):
 * the tag a gateway routes on (`baton export --format litellm`) and the group name of the route.
 * The default route is `default`.
 */
export function routeKey(match: Omit<RouteMatch, 'tags'> & { readonly tags?: readonly string[] | undefined } | undefined): string {
  if (match === undefined) return 'default';
  const parts: string[] = [];
  if (match.category !== undefined) parts.push(`category:${match.category}`);
  for (const tag of match.tags ?? []) parts.push(`tag:${tag}`);
  if (match.prompt_chars !== undefined) parts.push(`chars:${match.prompt_chars.min ?? 0}-${match.prompt_chars.max === undefined ? '' : match.prompt_chars.max - 1}`);
  if (match.prompt_score !== undefined) parts.push(`score:${match.prompt_score.min ?? ''}~${match.prompt_score.max ?? ''}`);
  return parts.join('+');
}
