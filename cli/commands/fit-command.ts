import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import { fitAndWritePolicy } from '../../policies/fit-and-write-policy.ts';
import { canonicalJson } from '../../policies/write/canonical-json.ts';
import { exitCodes } from '../exit-codes.ts';
import { formatPolicy } from '../format-policy.ts';
import { toLearnerOptions, withLearnerOptions, type LearnerFlags } from '../policy-options.ts';
import { UsageError } from '../report-error.ts';

/** `baton fit`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const fitCommand = {
  builder: (yargs: Argv) =>
    withLearnerOptions(yargs)
      .option('out', { type: 'string', default: 'results/policy.json', describe: 'The policy file to write' })
      .option('sweep', { type: 'boolean', default: false, describe: 'Also write the utility frontier over λ (<out>.frontier.json) and its vega-lite chart (<out>.frontier.vl.json)' })
      .option('timestamp', { type: 'string', describe: 'ISO time recorded in the file (default now); --no-timestamp records none, for byte-identical output' })
      .option('explain', { type: 'boolean', default: false, describe: 'Print why each route got its model' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the policy as JSON on stdout' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .example('$0 fit', 'Best model per category on the latest run -> results/policy.json')
      .example('$0 fit --objective min-cost --delta 0.02 --require "tag:pii => locality:local"', 'Cheapest model within 2 points of the best; pii only on local models')
      .example('$0 fit --objective utility --lambda 50 --sweep', 'Trade quality for cost; also write the frontier over λ'),
  handler: async (argv: LearnerFlags & { out: string; sweep: boolean; timestamp?: string | false | undefined; explain: boolean; json: boolean; quiet: boolean }) => {
    if (!existsSync(argv.db)) throw new UsageError(`no database at ${argv.db}. Fix: run \`baton run\` or \`baton demo\` first, or pass --db`);
    if (typeof argv.timestamp === 'string' && Number.isNaN(Date.parse(argv.timestamp))) throw new UsageError(`Expected \`--timestamp\` to be an ISO 8601 time, got \`${argv.timestamp}\``);
    const learner = toLearnerOptions(argv);
    const result = await fitAndWritePolicy({
      dbPath: argv.db,
      outFile: argv.out,
      runIds: argv.run,
      learner,
      timestamp: argv.timestamp === false ? null : argv.timestamp,
      sweep: argv.sweep,
    });
    if (argv.json) process.stdout.write(canonicalJson(result.policy));
    else if (!argv.quiet) process.stdout.write(`${formatPolicy(result.policy, argv.explain)}wrote ${result.files.join(', ')}\n`);
    return exitCodes.ok;
  },
};
