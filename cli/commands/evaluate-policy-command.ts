import { existsSync, readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { PolicyEvaluationSchema } from '../../harness/core/policy-evaluation-schema.ts';
import { InputError } from '../../harness/core/input-error.ts';
import { PolicySchema } from '../../harness/core/policy-schema.ts';
import { openPolicyStore } from '../../policies/matrix/open-policy-store.ts';
import { evaluatePolicy } from '../../policies/evaluate/evaluate-policy.ts';
import { learnerFromPolicy } from '../../policies/learner-from-policy.ts';
import { readPolicyMatrix } from '../../policies/matrix/read-policy-matrix.ts';
import { selectPolicyRuns } from '../../policies/matrix/select-policy-runs.ts';
import { readBatonVersion } from '../../policies/read-baton-version.ts';
import { siblingPath } from '../../policies/sibling-path.ts';
import { canonicalJson } from '../../policies/write/canonical-json.ts';
import { writeJsonFile } from '../../policies/write/write-json-file.ts';
import { exitCodes } from '../exit-codes.ts';
import { formatEvaluation } from '../format-policy.ts';
import { toLearnerOptions, withLearnerOptions, type LearnerFlags } from '../policy-options.ts';
import { UsageError } from '../report-error.ts';

/** `baton evaluate-policy`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const evaluatePolicyCommand = {
  builder: (yargs: Argv) =>
    withLearnerOptions(yargs)
      .option('folds', { type: 'number', default: 5, describe: 'k of the k-fold cross-validation over tasks' })
      .option('policy', { type: 'string', describe: 'Evaluate the learner that wrote this policy file (its runs, objective, constraints and parameters); learner flags are then ignored' })
      .option('out', { type: 'string', describe: 'Evaluation file (default: <policy>.evaluation.json next to --policy, else results/policy.evaluation.json)' })
      .option('timestamp', { type: 'string', describe: 'ISO time recorded in the file (default now); --no-timestamp records none' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the evaluation as JSON on stdout' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .example('$0 evaluate-policy --policy results/policy.json', 'Cross-validate the learner behind the policy; writes results/policy.evaluation.json')
      .example('$0 evaluate-policy --objective min-cost --folds 10', 'Cross-validate min-cost on the latest run with 10 folds'),
  handler: async (argv: LearnerFlags & { folds: number; policy?: string | undefined; out?: string | undefined; timestamp?: string | false | undefined; json: boolean; quiet: boolean }) => {
    if (!Number.isInteger(argv.folds) || argv.folds < 2) throw new UsageError(`Expected \`--folds\` to be an integer ≥ 2, got \`${argv.folds}\``);
    if (!existsSync(argv.db)) throw new UsageError(`no database at ${argv.db}. Fix: run \`baton run\` or \`baton demo\` first, or pass --db`);
    const policy = argv.policy === undefined ? undefined : readPolicy(argv.policy);
    const learner = policy === undefined ? toLearnerOptions(argv) : learnerFromPolicy(policy);
    const store = await openPolicyStore(argv.db);
    let data;
    try {
      const runs = await selectPolicyRuns(store, policy?.provenance.runs ?? argv.run);
      data = { runs, matrix: await readPolicyMatrix(store, runs) };
    } finally {
      store.close();
    }
    const createdAt = argv.timestamp === false ? undefined : (argv.timestamp ?? new Date().toISOString());
    const evaluation = evaluatePolicy(data.matrix, learner, argv.folds, { runs: data.runs, batonVersion: readBatonVersion(), createdAt }, argv.db);
    const out = argv.out ?? siblingPath(argv.policy ?? 'results/policy.json', 'evaluation');
    writeJsonFile(out, PolicyEvaluationSchema, evaluation);
    if (argv.json) process.stdout.write(canonicalJson(evaluation));
    else if (!argv.quiet) process.stdout.write(`${formatEvaluation(evaluation)}wrote ${out}\n`);
    return exitCodes.ok;
  },
};

/** Reads and validates a policy file; problems are input errors naming the file. */
export function readPolicy(file: string) {
  if (!existsSync(file)) throw new UsageError(`no policy at ${file}. Fix: run \`baton fit\` first, or pass --policy`);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError([{ file, path: '', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`, fix: 'regenerate it with `baton fit`' }]);
  }
  const parsed = PolicySchema.safeParse(document);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.slice(0, 10).map((issue) => ({ file, path: issue.path.join('.'), message: issue.message, fix: 'regenerate it with `baton fit` (see policies/policy.schema.json)' })));
  }
  return parsed.data;
}
