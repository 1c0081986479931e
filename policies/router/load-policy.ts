import { readFileSync } from 'node:fs';
import { PolicySchema, type Policy } from '../../harness/core/policy-schema.ts';
import { routeRequest, type RouteDecision, type RouteRequest } from './route-request.ts';

/** A parsed policy with its router. */
export interface LoadedPolicy {
  readonly policy: Policy;
  /** Routes one request; see `routeRequest`. A plain function: safe to destructure. */
  readonly route: (request: RouteRequest) => RouteDecision;
}

/** Validates a policy document (already parsed JSON); throws zod's error on an invalid one. */
export function parsePolicy(document: unknown): Policy {
  return PolicySchema.parse(document);
}

/** Wraps a validated policy in a router. */
export function createRouter(policy: Policy): LoadedPolicy {
  return { policy, route: (request) => routeRequest(policy, request) };
}

/** Reads, validates and wraps a policy file (e.g. `results/policy.json`). */
export function loadPolicy(file: string | URL): LoadedPolicy {
  return createRouter(parsePolicy(JSON.parse(readFileSync(file, 'utf8'))));
}
