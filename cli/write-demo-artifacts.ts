import { join } from 'node:path';
import type { RunOutcome } from '../harness/run/run-options.ts';
import { exitCodes } from './exit-codes.ts';

/** Routing rule the demo's policy applies: personal data stays on the local model. */
const demoRequireRules = ['tag:pii => locality:local'];

/**
 * The rest of the demo's main job after the run: fit a min-cost routing policy (with its
 * cross-validated evaluation and utility frontier) and build the report, which charts the
 * policy against the best single model. Both modules load only here, keeping start-up fast.
 */
export async function writeDemoArtifacts(outcome: RunOutcome, dbPath: string, out: string, quiet: boolean): Promise<number> {
  const [{ fitAndWritePolicy }, { parseRequireRule }, { writeReport }] = await Promise.all([
    import('../policies/fit-and-write-policy.ts'),
    import('../policies/fit/parse-require-rule.ts'),
    import('../reports/write-report.ts'),
  ]);
  const policyFile = join(out, 'policy.json');
  const policy = await fitAndWritePolicy({
    dbPath,
    outFile: policyFile,
    runIds: [outcome.runId],
    learner: { objective: { type: 'min-cost', delta: 0.05, alpha: 0.05, min_n: 10 }, require: demoRequireRules.map(parseRequireRule) },
    evaluateFolds: 5,
    sweep: true,
  });
  const report = await writeReport({ dbPath, runIds: [outcome.runId], outFile: join(out, 'report.html'), policyPath: policyFile });
  if (!quiet) {
    process.stderr.write(`policy: ${policy.files.join(', ')}\n`);
    process.stderr.write(`report: ${report.files.join(', ')}\n`);
  }
  return exitCodes.ok;
}
