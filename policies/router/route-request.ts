import type { DefaultRoute, Policy } from '../../harness/core/policy-schema.ts';
import { brokenRule } from './broken-rule.ts';
import { classifyPrompt } from './classify-prompt.ts';
import { findBestMatch } from './match-specificity.ts';
import { scorePrompt } from './score-prompt.ts';
import { routeKey } from './route-key.ts';

/** What the caller knows about a request. */
export interface RouteRequest {
  readonly category?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  /** The raw prompt: used by prompt-length and prompt-score bands, and by the classifier when no category is given. */
  readonly prompt?: string | undefined;
}

/** Where to send a request. */
export interface RouteDecision {
  readonly model: string;
  /** Models to try in order when a call fails. */
  readonly fallbacks: readonly string[];
  /** Call `escalateTo` when the suite's check fails on `model`'s answer. */
  readonly cascade?: { readonly escalateTo: string; readonly when: 'check_failed' };
  /** The category used: the request's, or the classifier's guess. */
  readonly category?: string;
  /** Index of the route in `policy.routes`, or `'default'`. */
  readonly route: number | 'default';
  /** The route's name (see `routeKey`): the tag to send to a gateway compiled by `baton export`. */
  readonly key: string;
}

/** No model of the route may serve the request under the policy's `require` rules. */
export class NoEligibleModelError extends Error {
  constructor(readonly request: RouteRequest) {
    super(`no model of the policy may serve a request with category ${request.category ?? '(none)'} and tags [${(request.tags ?? []).join(', ')}] under its require rules`);
    this.name = 'NoEligibleModelError';
  }
}

/**
 * Routes one request: the most specific matching route (most tags, then prompt-score band, then
 * category, then prompt-length band), else the default. The policy's `require` rules are enforced again on the way out, so a
 * request carrying a constrained tag never reaches a model the rules forbid, even through a route
 * fitted without that tag; models that break a rule are dropped from the chain.
 */
export function routeRequest(policy: Policy, request: RouteRequest): RouteDecision {
  const tags = request.tags ?? [];
  const category = request.category ?? (request.prompt !== undefined && policy.classifier !== undefined ? classifyPrompt(policy.classifier, request.prompt) : undefined);
  const promptChars = request.prompt === undefined ? undefined : [...request.prompt].length;
  const promptScore = request.prompt === undefined || policy.prompt_scorer === undefined ? undefined : scorePrompt(policy.prompt_scorer, request.prompt, category);
  const index = findBestMatch(policy.routes, (route) => route.match, { category, tags, promptChars, promptScore });
  const route: DefaultRoute = index === -1 ? policy.default : (policy.routes[index] ?? policy.default);
  const context = { category, tags };
  const allowed = (id: string) => {
    const model = policy.models.find((candidate) => candidate.id === id);
    return model !== undefined && brokenRule(policy.constraints.require, model, context) === undefined;
  };
  const chain = [route.model, ...route.fallbacks].filter(allowed);
  const [model, ...fallbacks] = chain;
  if (model === undefined) throw new NoEligibleModelError({ ...request, category });
  const keepCascade = model === route.model && route.cascade !== undefined && allowed(route.cascade.escalate_to);
  return {
    model,
    fallbacks,
    ...(keepCascade && route.cascade !== undefined ? { cascade: { escalateTo: route.cascade.escalate_to, when: route.cascade.when } } : {}),
    ...(category === undefined ? {} : { category }),
    route: index === -1 ? 'default' : index,
    key: routeKey(index === -1 ? undefined : policy.routes[index]?.match),
  };
}
