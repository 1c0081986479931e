import type { Policy } from '../../harness/core/policy-schema.ts';
import { specificityOf } from '../router/match-specificity.ts';
import { routeKey } from '../router/route-key.ts';

/**
 * The gateway-neutral routing table (`baton export --format json`): routes flattened to
 * key → model, fallbacks and cascade, most specific first, with the models and their prices.
 * What a gateway needs and nothing of the evidence, which stays in the policy file.
 */
export function exportJson(policy: Policy): Record<string, unknown> {
  const target = (route: Policy['default']) => ({
    model: route.model,
    fallbacks: route.fallbacks,
    ...(route.cascade === undefined ? {} : { cascade: route.cascade }),
  });
  const routes = policy.routes
    .map((route) => ({ key: routeKey(route.match), ...route.match, ...target(route), specificity: specificityOf(route.match) }))
    .sort((a, b) => b.specificity - a.specificity || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ specificity: _specificity, ...route }) => route);
  return {
    format: 'baton.routes/v1',
    policy_schema: policy.schema,
    simulated: policy.provenance.simulated,
    routes,
    default: { key: 'default', ...target(policy.default) },
    require: policy.constraints.require.map((rule) => rule.text),
    models: Object.fromEntries(policy.models.map((model) => [model.id, { provider: model.provider, model: model.model, price: model.price, attributes: model.attributes }])),
  };
}
