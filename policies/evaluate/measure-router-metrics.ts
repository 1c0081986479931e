import type { PolicyEvaluation, PolicyOutcome } from '../../harness/core/policy-evaluation-schema.ts';
import type { Baselines } from './baseline-outcomes.ts';
import { averageGapRecovered, hullArea, reachX, type CurvePoint } from './router-metrics.ts';

type Metrics = Pick<PolicyEvaluation, 'gap_closed' | 'cost_saved_at_equal_quality' | 'hull_area' | 'two_model'>;

/**
 * The standard router metrics from held-out figures: share of the oracle gap closed, cost saved
 * at the best single model's quality, normalised area under the cost–quality hull and, for two
 * models, RouteLLM's CPT(50 %), CPT(80 %) and APGR on the curve from all-weak to all-strong
 * (`shareCurve`, whose ends are the two models alone).
 */
export function measureRouterMetrics(
  costCurve: readonly CurvePoint[],
  shareCurve: readonly CurvePoint[],
  policy: PolicyOutcome,
  baselines: Baselines,
  singles: readonly (PolicyOutcome & { model: string })[],
  pair: { strong: PolicyOutcome & { model: string }; weak: PolicyOutcome & { model: string } } | undefined,
): Metrics {
  const best = baselines.bestSingle;
  const gap = baselines.oracle.quality - best.quality;
  const reached = reachX(costCurve, best.quality - 1e-12);
  const saved = reached === null || best.cost_per_task_usd === null || best.cost_per_task_usd <= 0 ? null : 1 - reached / best.cost_per_task_usd;
  const maxCost = Math.max(0, ...singles.map((single) => single.cost_per_task_usd ?? 0));
  const metrics: Metrics = {
    gap_closed: gap > 1e-12 ? (policy.quality - best.quality) / gap : null,
    cost_saved_at_equal_quality: saved,
    hull_area: costCurve.length === 0 ? null : hullArea(costCurve, maxCost),
  };
  if (pair === undefined || shareCurve.length === 0) return metrics;
  const weak = pair.weak.quality;
  const strong = pair.strong.quality;
  const shares = shareCurve;
  return {
    ...metrics,
    two_model: {
      strong: pair.strong.model,
      weak: pair.weak.model,
      strong_quality: strong,
      weak_quality: weak,
      cpt50: reachX(shares, weak + 0.5 * (strong - weak)),
      cpt80: reachX(shares, weak + 0.8 * (strong - weak)),
      apgr: averageGapRecovered(shares, weak, strong),
      curve: shares.map((point) => ({ strong_share: point.x, quality: point.y })),
    },
  };
}
