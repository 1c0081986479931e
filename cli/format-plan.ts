import Table from 'cli-table3';
import type { ModelPlan } from '../harness/run/estimate-plan.ts';

const usd = (value: number | null) => (value === null ? 'unpriced' : `$${value.toFixed(4)}`);

/** The `--dry-run` table: one line per model, then the totals. */
export function formatPlan(plans: readonly ModelPlan[]): string {
  const table = new Table({
    head: ['model', 'attempts', 'prompt tokens', 'max output tokens', 'cost USD (min … max)'],
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const plan of plans) table.push([plan.modelId, plan.attempts, plan.promptTokens, plan.maxOutputTokens, `${usd(plan.minCostUsd)} … ${usd(plan.maxCostUsd)}`]);
  const attempts = plans.reduce((sum, plan) => sum + plan.attempts, 0);
  // A total over unpriced models would be a guess; it is left out rather than understated.
  const priced = plans.every((plan) => plan.minCostUsd !== null && plan.maxCostUsd !== null);
  const sum = (pick: (plan: ModelPlan) => number | null) => plans.reduce((total, plan) => total + (pick(plan) ?? 0), 0);
  const total = priced ? `${usd(sum((plan) => plan.minCostUsd))} … ${usd(sum((plan) => plan.maxCostUsd))}` : 'unknown (some models have no price)';
  return `dry run: ${attempts} attempts over ${plans.length} models, nothing called, no database opened\n${table.toString()}\ntotal cost: ${total}\n`;
}
