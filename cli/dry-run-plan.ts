import type { LoadedConfig } from '../harness/config/load-config.ts';
import type { Suite } from '../harness/core/suite.ts';
import { bundledPriceTable } from '../harness/cost/bundled-prices.ts';
import { checkJudgeModels } from '../harness/run/check-judge-models.ts';
import { estimatePlan } from '../harness/run/estimate-plan.ts';
import { priceModels } from '../harness/run/price-models.ts';
import { exitCodes } from './exit-codes.ts';
import { formatPlan } from './format-plan.ts';

/**
 * `baton run --dry-run`: prices the models and prints the plan. Builds no provider (so reads no
 * key and calls nothing) and never opens or creates the database.
 */
export function printDryRun(suites: readonly Suite[], config: LoadedConfig, flags: { readonly repeats?: number | undefined; readonly json: boolean }): number {
  checkJudgeModels(suites, config.config.models, config.file);
  const priced = priceModels(config, bundledPriceTable, new Date());
  const plans = estimatePlan(suites, priced.config, flags.repeats);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ dryRun: true, models: plans }, null, 2)}\n`);
    return exitCodes.ok;
  }
  process.stdout.write(formatPlan(plans));
  for (const warning of priced.warnings) process.stderr.write(`warning: ${warning}\n`);
  return exitCodes.ok;
}
