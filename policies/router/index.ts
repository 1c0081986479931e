/**
 * baton's reference router (`baton/router`): loads a policy file written by `baton fit` and
 * routes requests by category, tags and prompt. Depends on nothing but zod.
 *
 * ```ts
 * import { loadPolicy } from 'baton/router';
 * const { route } = loadPolicy('results/policy.json');
 * route({ category: 'ticket-routing', tags: ['pii'] }); // { model: 'sim-local', fallbacks: [...] }
 * ```
 */
export { createRouter, loadPolicy, parsePolicy, type LoadedPolicy } from './load-policy.ts';
export { NoEligibleModelError, routeRequest, type RouteDecision, type RouteRequest } from './route-request.ts';
export { classifyPrompt, promptWords } from './classify-prompt.ts';
export { promptFeatures, scorePrompt } from './score-prompt.ts';
export { routeKey } from './route-key.ts';
export { PolicySchema, policySchemaVersion, type Policy, type PromptScorer, type Route } from '../../harness/core/policy-schema.ts';
