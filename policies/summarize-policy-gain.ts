import type { PolicyEvaluation } from '../harness/core/policy-evaluation-schema.ts';
import type { Policy } from '../harness/core/policy-schema.ts';

/** Quality and cost per task of one way of routing. */
export interface RoutingFigures {
  readonly quality: number;
  readonly costPerTaskUsd: number | null;
}

/** The policy against the best single model, in the numbers a report shows. */
export interface PolicyGain {
  /** True when the policy describes simulated models. */
  readonly simulated: boolean;
  readonly bestSingleModel: string;
  /** On the fitted tasks (in-sample), from the policy file. */
  readonly fitted: PolicyComparison;
  /** Cross-validated, from the evaluation file when given. */
  readonly heldOut?: PolicyComparison & {
    readonly oracle: RoutingFigures;
    readonly random: RoutingFigures;
    readonly gapClosed: number | null;
    readonly costSavedAtEqualQuality: number | null;
    readonly hullArea: number | null;
    readonly twoModel?: { readonly strong: string; readonly weak: string; readonly cpt50: number | null; readonly cpt80: number | null; readonly apgr: number | null };
  };
}

/** A policy next to the best single model. */
export interface PolicyComparison {
  readonly policy: RoutingFigures;
  readonly bestSingle: RoutingFigures;
  /** policy − best single, in quality units (0.01 = one point). */
  readonly qualityDelta: number;
  /** 1 − policy cost / best single cost: the share of spend saved (negative: spent more); `null` when unpriced or free. */
  readonly costSaving: number | null;
}

/** Summarises "policy vs best single model" from a policy and, optionally, its evaluation. */
export function summarizePolicyGain(policy: Policy, evaluation?: PolicyEvaluation): PolicyGain {
  const { summary } = policy;
  const fitted = compare({ quality: summary.quality, costPerTaskUsd: summary.cost_per_task_usd }, { quality: summary.best_single.quality, costPerTaskUsd: summary.best_single.cost_per_task_usd });
  if (evaluation === undefined) return { simulated: policy.provenance.simulated, bestSingleModel: summary.best_single.model, fitted };
  const figures = (outcome: { quality: number; cost_per_task_usd: number | null }): RoutingFigures => ({ quality: outcome.quality, costPerTaskUsd: outcome.cost_per_task_usd });
  const pair = evaluation.two_model;
  return {
    simulated: policy.provenance.simulated || evaluation.provenance.simulated,
    bestSingleModel: summary.best_single.model,
    fitted,
    heldOut: {
      ...compare(figures(evaluation.policy), figures(evaluation.best_single)),
      oracle: figures(evaluation.oracle),
      random: figures(evaluation.random),
      gapClosed: evaluation.gap_closed,
      costSavedAtEqualQuality: evaluation.cost_saved_at_equal_quality,
      hullArea: evaluation.hull_area,
      ...(pair === undefined ? {} : { twoModel: { strong: pair.strong, weak: pair.weak, cpt50: pair.cpt50, cpt80: pair.cpt80, apgr: pair.apgr } }),
    },
  };
}

function compare(policy: RoutingFigures, bestSingle: RoutingFigures): PolicyComparison {
  const saving = policy.costPerTaskUsd === null || bestSingle.costPerTaskUsd === null || bestSingle.costPerTaskUsd <= 0 ? null : 1 - policy.costPerTaskUsd / bestSingle.costPerTaskUsd;
  return { policy, bestSingle, qualityDelta: policy.quality - bestSingle.quality, costSaving: saving };
}
