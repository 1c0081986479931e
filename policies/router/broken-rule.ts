import type { PolicyModel, RequireRule } from '../../harness/core/policy-schema.ts';

/** The request a rule is checked against: a route's category and tags. */
export interface RuleContext {
  readonly category?: string | undefined;
  readonly tags: readonly string[];
}

/** Whether `rule` applies to requests in `context`. */
export function ruleApplies(rule: RequireRule, context: RuleContext): boolean {
  if (rule.when === undefined) return true;
  if ('tag' in rule.when) return context.tags.includes(rule.when.tag);
  return context.category === rule.when.category;
}

/** The rule `model` breaks in `context`, if any. */
export function brokenRule(rules: readonly RequireRule[], model: PolicyModel, context: RuleContext): RequireRule | undefined {
  return rules.find((rule) => ruleApplies(rule, context) && !rule.values.includes(modelAttribute(model, rule.attribute) ?? '\u0000'));
}

/** A model's attribute as text: its `attributes` first, then `id`, `provider`, `model`. */
export function modelAttribute(model: PolicyModel, attribute: string): string | undefined {
  const value = model.attributes[attribute];
  if (value !== undefined) return String(value);
  if (attribute === 'id') return model.id;
  if (attribute === 'provider') return model.provider;
  if (attribute === 'model') return model.model;
  return undefined;
}
