import type { Argv } from 'yargs';
import { listInputFiles } from '../../harness/exchange/list-input-files.ts';
import { mergeExports } from '../../harness/exchange/merge-exports.ts';
import { openStore } from '../../harness/store/open-store.ts';
import { exitCodes } from '../exit-codes.ts';
import { databasePath } from '../run-and-report.ts';

/** `baton merge`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const mergeCommand = {
  builder: (yargs: Argv) =>
    yargs
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Parquet or CSV exports, or folders of them' })
      .option('out', { type: 'string', default: 'results', describe: 'Folder of baton.duckdb that receives the merged run' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the outcome as JSON' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .example('$0 merge shard-1.parquet shard-2.parquet shard-3.parquet --out nightly', 'One run from three CI jobs'),
  handler: async (argv: { files: string[]; out: string; json: boolean; quiet: boolean }) => {
    const files = listInputFiles(argv.files, ['.parquet', '.csv']);
    const store = await openStore(databasePath(argv.out));
    const outcome = await mergeExports(store, files).finally(() => store.close());
    if (argv.json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    else if (!argv.quiet) process.stdout.write(`merged ${outcome.sources.length} file(s) into run ${outcome.runId}: ${outcome.attempts} attempts in ${databasePath(argv.out)}\n`);
    if (outcome.missingShards.length > 0) {
      process.stderr.write(`warning: shard(s) ${outcome.missingShards.join(', ')} missing; the merged run is marked interrupted\n`);
      return exitCodes.failures;
    }
    return exitCodes.ok;
  },
};
