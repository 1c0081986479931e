import type { RequireRule } from '../../harness/core/policy-schema.ts';
import type { MatrixModel } from '../matrix/policy-matrix.ts';
import { significant } from './describe.ts';
import { brokenRule, type RuleContext } from '../router/broken-rule.ts';
import type { LearnerOptions } from './learner-options.ts';
import type { Measure } from './measure-column.ts';

/** Why one column may not serve a segment. */
export interface Ineligibility {
  /** The model (or cascade member) at fault. */
  readonly model: string;
  /** What it breaks, e.g. ``breaks `tag:pii => locality:local` `` or `p95 3340 ms > 1000 ms`. */
  readonly why: string;
}

/**
 * Why a column may not serve requests in `context`, or `undefined` when it may. A cascade obeys
 * the rules only when both of its models do; latency and cost ceilings apply to what the route
 * would deliver (for a cascade: both calls on escalation).
 */
export function findIneligibility(models: readonly MatrixModel[], measure: Measure, context: RuleContext, options: Pick<LearnerOptions, 'maxP95Ms' | 'maxCostPer1kUsd' | 'require'>): Ineligibility | undefined {
  const column = models[measure.column];
  if (column === undefined) return { model: '?', why: 'unknown column' };
  const members = column.cascade === undefined ? [column] : models.filter((model) => model.id === column.cascade?.first || model.id === column.cascade?.escalateTo);
  for (const member of members) {
    const rule: RequireRule | undefined = brokenRule(options.require, member, context);
    if (rule !== undefined) return { model: member.id, why: `breaks \`${rule.text}\`` };
  }
  if (options.maxP95Ms !== null && measure.p95 !== null && measure.p95 > options.maxP95Ms) {
    return { model: column.id, why: `p95 ${Math.round(measure.p95)} ms > --max-p95-ms ${options.maxP95Ms}` };
  }
  if (options.maxCostPer1kUsd !== null) {
    if (measure.cost === null) return { model: column.id, why: 'unpriced, so its cost per 1k tasks is unknown' };
    if (measure.cost * 1000 > options.maxCostPer1kUsd) return { model: column.id, why: `$${significant(measure.cost * 1000)} per 1k tasks > --max-cost-per-1k ${options.maxCostPer1kUsd}` };
  }
  return undefined;
}

/** Ineligible models in words, one clause per distinct cause: `a and b break `rule`; c: p95 …`. */
export function describeIneligible(excluded: readonly Ineligibility[]): string {
  const byWhy = new Map<string, string[]>();
  for (const { model, why } of excluded) {
    const models = byWhy.get(why) ?? [];
    if (!models.includes(model)) models.push(model);
    byWhy.set(why, models);
  }
  return [...byWhy.entries()].map(([why, models]) => `${models.join(', ')}: ${why}`).join('; ');
}
