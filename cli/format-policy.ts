import Table from 'cli-table3';
import type { PolicyEvaluation } from '../harness/core/policy-evaluation-schema.ts';
import type { DefaultRoute, Policy } from '../harness/core/policy-schema.ts';
import { significant } from '../policies/fit/describe.ts';
import { routeKey } from '../policies/router/route-key.ts';

const tableStyle = (): { style: { head: string[]; border: string[] }; chars: Record<string, string> } => ({ style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
const percent = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const perThousand = (cost: number | null) => (cost === null ? 'unpriced' : significant(cost * 1000));
const simulatedBanner = 'SIMULATED: fitted on simulated models, not real providers.\n';

/** The routing table as `baton fit` prints it; `explain` adds each route's reason. */
export function formatPolicy(policy: Policy, explain: boolean): string {
  const table = new Table({ head: ['route', 'model', 'fallbacks', 'quality (95% CI)', 'USD/1k', 'p95 ms', 'n', 'share'], colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'], ...tableStyle() });
  const rows: [string, DefaultRoute][] = [...policy.routes.map((route): [string, DefaultRoute] => [routeKey(route.match), route]), ['default', policy.default]];
  for (const [key, route] of rows) {
    const { quality } = route.expected;
    table.push([
      key,
      route.cascade === undefined ? route.model : `${route.model} → ${route.cascade.escalate_to}`,
      route.fallbacks.join(', ') || '-',
      `${percent(quality.estimate)} (${percent(quality.low)}–${percent(quality.high)})`,
      perThousand(route.expected.cost_per_task_usd),
      route.expected.p95_latency_ms === null ? '-' : route.expected.p95_latency_ms.toFixed(0),
      route.expected.n,
      percent(route.share),
    ]);
  }
  const { summary } = policy;
  const lines = [
    `policy (${policy.objective.type}) on ${summary.tasks} tasks: ${percent(summary.quality)} at USD ${perThousand(summary.cost_per_task_usd)}/1k; best single model ${summary.best_single.model}: ${percent(summary.best_single.quality)} at USD ${perThousand(summary.best_single.cost_per_task_usd)}/1k (in-sample; \`baton evaluate-policy\` gives held-out figures)`,
  ];
  if (policy.classifier !== undefined) lines.push(`keyword classifier: ${percent(policy.classifier.accuracy.estimate)} held-out accuracy (${percent(policy.classifier.accuracy.low)}–${percent(policy.classifier.accuracy.high)}), ${percent(policy.classifier.coverage)} coverage`);
  if (explain) for (const [key, route] of rows) lines.push(`${key}: ${route.reason}`);
  return `${policy.provenance.simulated ? simulatedBanner : ''}${table.toString()}\n${lines.join('\n')}\n`;
}

/** The held-out comparison as `baton evaluate-policy` prints it. */
export function formatEvaluation(evaluation: PolicyEvaluation): string {
  const table = new Table({ head: ['router (held out)', 'quality', 'USD/1k'], colAligns: ['left', 'right', 'right'], ...tableStyle() });
  table.push(['policy', percent(evaluation.policy.quality), perThousand(evaluation.policy.cost_per_task_usd)]);
  table.push([`best single (${evaluation.best_single.model})`, percent(evaluation.best_single.quality), perThousand(evaluation.best_single.cost_per_task_usd)]);
  table.push(['per-task oracle', percent(evaluation.oracle.quality), perThousand(evaluation.oracle.cost_per_task_usd)]);
  table.push(['random', percent(evaluation.random.quality), perThousand(evaluation.random.cost_per_task_usd)]);
  for (const model of evaluation.models) table.push([`  ${model.model} alone`, percent(model.quality), perThousand(model.cost_per_task_usd)]);
  const lines = [
    `${evaluation.folds}-fold cross-validation over ${evaluation.tasks} tasks (seed ${evaluation.seed})`,
    `oracle gap closed: ${percent(evaluation.gap_closed)}; cost saved at equal quality: ${percent(evaluation.cost_saved_at_equal_quality)}; area under the cost-quality hull: ${evaluation.hull_area === null ? '-' : evaluation.hull_area.toFixed(4)}`,
  ];
  const pair = evaluation.two_model;
  if (pair !== undefined) lines.push(`${pair.strong} vs ${pair.weak}: CPT(50%) ${percent(pair.cpt50)}, CPT(80%) ${percent(pair.cpt80)}, APGR ${percent(pair.apgr)} (share of ${pair.strong} calls)`);
  return `${evaluation.provenance.simulated ? simulatedBanner : ''}${table.toString()}\n${lines.join('\n')}\n`;
}
