import type { Argv } from 'yargs';
import type { Objective } from '../harness/core/policy-schema.ts';
import { defaultLearnerOptions, type LearnerOptions } from '../policies/fit/learner-options.ts';
import { parseRequireRule } from '../policies/fit/parse-require-rule.ts';
import { UsageError } from './report-error.ts';

/** The learner's flags, shared by `fit` and `evaluate-policy`. */
export function withLearnerOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('db', { type: 'string', default: 'results/baton.duckdb', describe: 'The baton database to learn from' })
    .option('run', { type: 'string', array: true, describe: 'Runs to learn from (repeatable); default: the latest run' })
    .option('objective', { choices: ['max-quality', 'min-cost', 'utility'] as const, default: 'max-quality' as const, describe: 'How to choose a model per route' })
    .option('delta', { type: 'number', default: 0.05, describe: 'min-cost: non-inferiority margin in quality units (0.05 = 5 points)' })
    .option('alpha', { type: 'number', default: 0.05, describe: 'min-cost: one-sided significance level of the paired test' })
    .option('min-n', { type: 'number', default: 30, describe: 'min-cost: fewest shared tasks to test a cheaper model; below it the best model is kept' })
    .option('lambda', { type: 'number', default: 0, describe: 'utility: quality given up per USD per task (utility = quality − λ·cost − μ·p95)' })
    .option('mu', { type: 'number', default: 0, describe: 'utility: quality given up per ms of p95 latency' })
    .option('max-p95-ms', { type: 'number', describe: 'Hard ceiling on a route\'s p95 latency, ms' })
    .option('max-cost-per-1k', { type: 'number', describe: 'Hard ceiling on a route\'s cost per 1000 tasks, USD' })
    .option('require', { type: 'string', array: true, describe: 'Eligibility rule (repeatable): "[tag:T | category:C =>] attribute:value[|value]"' })
    .option('shrinkage', { type: 'string', default: 'auto', describe: 'Pooling of category estimates toward the whole: auto (empirical Bayes), a pseudo-count, or 0 for none' })
    .option('prompt-bands', { type: 'number', default: 1, describe: 'Split categories into up to N prompt-length bands (1 = off)' })
    .option('score-bands', { type: 'number', default: 1, describe: 'Learn a prompt scorer (the strong model\'s gain over the cheap one, from the prompt\'s words) and route prompts in up to N bands of it (1 = off)' })
    .option('score-l2', { type: 'number', default: 10, describe: 'Ridge penalty of the prompt scorer (higher: smoother scores)' })
    .option('max-fallbacks', { type: 'number', default: 2, describe: 'Longest fallback chain per route' })
    .option('cascades', { type: 'boolean', default: true, describe: 'Consider cascades (cheap model first, escalate on a failed check); needs runtime checks in the runs' })
    .option('classifier', { type: 'boolean', default: true, describe: 'Learn keyword rules mapping prompts to categories' })
    .option('seed', { type: 'number', default: 1, describe: 'Seed of tests, intervals and folds' });
}

/** The learner flags as parsed by yargs. */
export interface LearnerFlags {
  readonly db: string;
  readonly run?: string[] | undefined;
  readonly objective: Objective['type'];
  readonly delta: number;
  readonly alpha: number;
  readonly minN: number;
  readonly lambda: number;
  readonly mu: number;
  readonly maxP95Ms?: number | undefined;
  readonly maxCostPer1k?: number | undefined;
  readonly require?: string[] | undefined;
  readonly shrinkage: string;
  readonly promptBands: number;
  readonly scoreBands: number;
  readonly scoreL2: number;
  readonly maxFallbacks: number;
  readonly cascades: boolean;
  readonly classifier: boolean;
  readonly seed: number;
}

/** Checks the flags the parser cannot and turns them into learner options. */
export function toLearnerOptions(flags: LearnerFlags): LearnerOptions {
  const check = (ok: boolean, flag: string, expected: string, value: unknown) => {
    if (!ok) throw new UsageError(`Expected \`--${flag}\` to be ${expected}, got \`${String(value)}\``);
  };
  check(flags.delta >= 0 && flags.delta <= 1, 'delta', 'in [0, 1]', flags.delta);
  check(flags.alpha > 0 && flags.alpha < 1, 'alpha', 'in (0, 1)', flags.alpha);
  check(Number.isInteger(flags.minN) && flags.minN >= 1, 'min-n', 'an integer ≥ 1', flags.minN);
  check(flags.lambda >= 0, 'lambda', '≥ 0', flags.lambda);
  check(flags.mu >= 0, 'mu', '≥ 0', flags.mu);
  check(flags.maxP95Ms === undefined || flags.maxP95Ms > 0, 'max-p95-ms', '> 0', flags.maxP95Ms);
  check(flags.maxCostPer1k === undefined || flags.maxCostPer1k >= 0, 'max-cost-per-1k', '≥ 0', flags.maxCostPer1k);
  check(Number.isInteger(flags.promptBands) && flags.promptBands >= 1, 'prompt-bands', 'an integer ≥ 1', flags.promptBands);
  check(Number.isInteger(flags.scoreBands) && flags.scoreBands >= 1, 'score-bands', 'an integer ≥ 1', flags.scoreBands);
  check(Number.isFinite(flags.scoreL2) && flags.scoreL2 > 0, 'score-l2', 'a number > 0', flags.scoreL2);
  check(Number.isInteger(flags.maxFallbacks) && flags.maxFallbacks >= 0, 'max-fallbacks', 'an integer ≥ 0', flags.maxFallbacks);
  check(Number.isInteger(flags.seed), 'seed', 'an integer', flags.seed);
  const shrinkage = flags.shrinkage === 'auto' ? 'auto' : Number(flags.shrinkage);
  check(shrinkage === 'auto' || (Number.isFinite(shrinkage) && shrinkage >= 0), 'shrinkage', '`auto` or a number ≥ 0', flags.shrinkage);
  const objective: Objective =
    flags.objective === 'min-cost' ? { type: 'min-cost', delta: flags.delta, alpha: flags.alpha, min_n: flags.minN } : flags.objective === 'utility' ? { type: 'utility', lambda: flags.lambda, mu: flags.mu } : { type: 'max-quality' };
  return {
    ...defaultLearnerOptions,
    objective,
    maxP95Ms: flags.maxP95Ms ?? null,
    maxCostPer1kUsd: flags.maxCostPer1k ?? null,
    require: (flags.require ?? []).map(parseRequireRule),
    shrinkage,
    promptBands: flags.promptBands,
    scoreBands: flags.scoreBands,
    scoreL2: flags.scoreL2,
    maxFallbacks: flags.maxFallbacks,
    cascades: flags.cascades,
    classifier: flags.classifier,
    seed: flags.seed,
  };
}
