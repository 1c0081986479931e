import { policySchemaVersion, type DefaultRoute, type KeywordClassifier, type Policy, type Route } from '../harness/core/policy-schema.ts';
import type { RunRecord } from '../harness/store/run-record.ts';
import { describeIneligible } from './fit/find-ineligibility.ts';
import { taskRequest, type FittedSegment, type FittedTable } from './fit/fit-table.ts';
import type { LearnerOptions } from './fit/learner-options.ts';
import { measureColumn } from './fit/measure-column.ts';
import { qualityInterval } from './fit/quality-interval.ts';
import { selectRoutes } from './fit/select-routes.ts';
import { compareText } from './compare-text.ts';
import { describeLearner } from './describe-learner.ts';
import type { PolicyMatrix } from './matrix/policy-matrix.ts';
import { findBestMatch } from './router/match-specificity.ts';
import { createOutcomeSum } from './evaluate/outcome-sum.ts';

/** Where a policy came from, besides the learner's parameters. */
export interface PolicyOrigin {
  readonly runs: readonly RunRecord[];
  readonly batonVersion: string;
  /** ISO time of the fit; omitted from the file when `undefined`. */
  readonly createdAt?: string | undefined;
}

/** Turns fitted segments into the policy document (before canonical formatting). */
export function assemblePolicy(matrix: PolicyMatrix, table: FittedTable, options: LearnerOptions, origin: PolicyOrigin, classifier: KeywordClassifier | undefined): Policy {
  const { fitted, scorer } = table;
  const emitted = selectRoutes(fitted);
  const entries = fitted.filter((_, index) => emitted[index] === true);
  const toRoute = (entry: FittedSegment): DefaultRoute & { share: number } => {
    const { segment, choice, fallbacks } = entry;
    const column = matrix.models[choice.candidate.column];
    const cascade = column?.cascade;
    return {
      model: cascade?.first ?? column?.id ?? '',
      fallbacks: [...fallbacks],
      ...(cascade === undefined ? {} : { cascade: { escalate_to: cascade.escalateTo, when: 'check_failed' as const } }),
      expected: {
        quality: qualityInterval(matrix, segment.tasks, choice.candidate.column, options.seed),
        cost_per_task_usd: choice.candidate.cost,
        p95_latency_ms: choice.candidate.p95,
        error_rate: choice.candidate.errorRate,
        n: choice.candidate.n,
      },
      share: 0,
      reason: segment.excluded.length === 0 ? choice.reason : `${choice.reason}. Not eligible: ${describeIneligible(segment.excluded)}`,
    };
  };
  const [first, ...rest] = entries;
  if (first === undefined) throw new Error('a fit has at least the default segment');
  const routes: Route[] = rest.map((entry) => ({ match: matchOf(entry), ...toRoute(entry) }));
  const fallback = toRoute(first);
  // Shares and the in-sample summary follow the router's own matching over the emitted routes.
  const counts = new Array<number>(routes.length + 1).fill(0);
  const inSample = createOutcomeSum();
  matrix.tasks.forEach((_, t) => {
    const index = findBestMatch(routes, (route) => route.match, taskRequest(matrix, scorer, t));
    counts[index + 1] = (counts[index + 1] ?? 0) + 1;
    const entry = index === -1 ? first : rest[index];
    inSample.addCell(entry === undefined ? undefined : matrix.columns[entry.choice.candidate.column], t);
  });
  const total = Math.max(1, matrix.tasks.length);
  routes.forEach((route, index) => (route.share = (counts[index + 1] ?? 0) / total));
  fallback.share = (counts[0] ?? 0) / total;
  const best = first.segment.candidates
    .filter((candidate) => matrix.models[candidate.column]?.cascade === undefined)
    .sort((a, b) => b.quality - a.quality || a.column - b.column)[0];
  const bestMeasure = best === undefined ? undefined : measureColumn(matrix, first.segment.tasks, best.column);
  const baseModels = matrix.models.filter((model) => model.cascade === undefined);
  const snapshot: Record<string, Record<string, number> | null> = {};
  for (const run of origin.runs) for (const [model, price] of Object.entries(run.priceSnapshot)) snapshot[model] = price === null ? null : definedNumbers(price);
  const suites = new Map<string, { id: string; version: string; hash: string }>();
  for (const run of origin.runs) for (const suite of run.suites) suites.set(`${suite.id}\u0000${suite.hash}`, { id: suite.id, version: suite.version, hash: suite.hash });
  return {
    schema: policySchemaVersion,
    objective: options.objective,
    constraints: { max_p95_ms: options.maxP95Ms, max_cost_per_1k_usd: options.maxCostPer1kUsd, require: [...options.require] },
    models: baseModels.map((model) => ({ id: model.id, provider: model.provider, model: model.model, price: model.price, attributes: model.attributes, simulated: model.simulated })),
    routes,
    default: fallback,
    ...(classifier === undefined ? {} : { classifier }),
    ...(scorer === undefined ? {} : { prompt_scorer: scorer }),
    summary: {
      tasks: matrix.tasks.length,
      ...inSample.mean(),
      best_single: { model: best === undefined ? fallback.model : (matrix.models[best.column]?.id ?? ''), quality: bestMeasure?.quality ?? 0, cost_per_task_usd: bestMeasure?.cost ?? null },
    },
    provenance: {
      runs: origin.runs.map((run) => run.runId),
      suites: [...suites.values()].sort((a, b) => compareText(a.id, b.id) || compareText(a.hash, b.hash)),
      price_snapshot: snapshot,
      learner: describeLearner(options),
      baton_version: origin.batonVersion,
      simulated: origin.runs.some((run) => run.simulated) || baseModels.some((model) => model.simulated),
      ...(origin.createdAt === undefined ? {} : { created_at: origin.createdAt }),
    },
  };
}

function matchOf(entry: FittedSegment): Route['match'] {
  const { key } = entry.segment;
  return {
    ...(key.category === undefined ? {} : { category: key.category }),
    ...(key.tags === undefined ? {} : { tags: [...key.tags] }),
    ...(key.prompt_chars === undefined ? {} : { prompt_chars: { ...key.prompt_chars } }),
    ...(key.prompt_score === undefined ? {} : { prompt_score: { ...key.prompt_score } }),
  };
}

/** A price without its absent optional fields (JSON has no `undefined`). */
function definedNumbers(price: Readonly<Record<string, number | undefined>>): Record<string, number> {
  return Object.fromEntries(Object.entries(price).filter((entry): entry is [string, number] => entry[1] !== undefined));
}
