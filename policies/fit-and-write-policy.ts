import { z } from 'zod';
import { PolicyEvaluationSchema, type PolicyEvaluation } from '../harness/core/policy-evaluation-schema.ts';
import { PolicyFrontierSchema, type PolicyFrontier } from '../harness/core/policy-frontier-schema.ts';
import { PolicySchema, type Policy } from '../harness/core/policy-schema.ts';
import { openPolicyStore } from './matrix/open-policy-store.ts';
import { evaluatePolicy } from './evaluate/evaluate-policy.ts';
import { defaultLearnerOptions, type LearnerOptions } from './fit/learner-options.ts';
import { fitPolicy } from './fit-policy.ts';
import { readPolicyMatrix } from './matrix/read-policy-matrix.ts';
import { selectPolicyRuns } from './matrix/select-policy-runs.ts';
import { readBatonVersion } from './read-baton-version.ts';
import { siblingPath } from './sibling-path.ts';
import { frontierChart } from './sweep/frontier-chart.ts';
import { sweepFrontier } from './sweep/sweep-frontier.ts';
import { writeJsonFile } from './write/write-json-file.ts';

/** What `fitAndWritePolicy` needs; everything but the two paths has a default. */
export interface FitAndWriteOptions {
  /** The baton database, e.g. `results/baton.duckdb`. */
  readonly dbPath: string;
  /** The policy file, e.g. `results/policy.json`; siblings are written next to it. */
  readonly outFile: string;
  /** Runs to learn from; default the latest. */
  readonly runIds?: readonly string[] | undefined;
  /** Learner parameters over `defaultLearnerOptions` (objective, constraints, ...). */
  readonly learner?: Partial<LearnerOptions> | undefined;
  /** ISO time recorded in the files; `null` records none (byte-identical output); default now. */
  readonly timestamp?: string | null | undefined;
  /** Also write the utility frontier (`<out>.frontier.json`) and its vega-lite chart (`<out>.frontier.vl.json`). */
  readonly sweep?: boolean | undefined;
  /** Also cross-validate with this many folds and write `<out>.evaluation.json`. */
  readonly evaluateFolds?: number | undefined;
}

/** What was written. */
export interface FitAndWriteResult {
  readonly policy: Policy;
  readonly evaluation?: PolicyEvaluation;
  readonly frontier?: PolicyFrontier;
  /** Every file written, policy first. */
  readonly files: readonly string[];
}

/**
 * Fits a policy on the runs of a database and writes it (validated, canonical JSON), plus its
 * evaluation and frontier when asked: what `baton fit` and `npm run demo` do. Throws an
 * InputError for bad input (unknown run, no eligible model for a category), before writing.
 */
export async function fitAndWritePolicy(options: FitAndWriteOptions): Promise<FitAndWriteResult> {
  const learner: LearnerOptions = { ...defaultLearnerOptions, ...options.learner };
  const createdAt = options.timestamp === null ? undefined : (options.timestamp ?? new Date().toISOString());
  const store = await openPolicyStore(options.dbPath);
  let work;
  try {
    const runs = await selectPolicyRuns(store, options.runIds);
    work = { runs, matrix: await readPolicyMatrix(store, runs) };
  } finally {
    store.close();
  }
  const origin = { runs: work.runs, batonVersion: readBatonVersion(), createdAt };
  const policy = fitPolicy(work.matrix, learner, origin, options.dbPath);
  const evaluation = options.evaluateFolds === undefined ? undefined : evaluatePolicy(work.matrix, learner, options.evaluateFolds, origin, options.dbPath);
  const frontier = options.sweep === true ? sweepFrontier(work.matrix, learner, options.dbPath) : undefined;
  const files = [options.outFile];
  writeJsonFile(options.outFile, PolicySchema, policy);
  if (evaluation !== undefined) {
    files.push(siblingPath(options.outFile, 'evaluation'));
    writeJsonFile(siblingPath(options.outFile, 'evaluation'), PolicyEvaluationSchema, evaluation);
  }
  if (frontier !== undefined) {
    files.push(siblingPath(options.outFile, 'frontier'), siblingPath(options.outFile, 'frontier.vl'));
    writeJsonFile(siblingPath(options.outFile, 'frontier'), PolicyFrontierSchema, frontier);
    // A vega-lite spec: only its shape as a JSON object is ours to check.
    writeJsonFile(siblingPath(options.outFile, 'frontier.vl'), z.record(z.string(), z.unknown()), frontierChart(frontier));
  }
  return { policy, files, ...(evaluation === undefined ? {} : { evaluation }), ...(frontier === undefined ? {} : { frontier }) };
}
