import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import { rescoreRun } from '../../harness/rescore/rescore-run.ts';
import { openStore } from '../../harness/store/open-store.ts';
import { readRun } from '../../harness/store/read-run.ts';
import { summarizeRun } from '../../harness/store/summarize-run.ts';
import { loadSuites } from '../../harness/suites/load-suites.ts';
import { exitCodes } from '../exit-codes.ts';
import { formatSummary } from '../print-summary.ts';
import { UsageError } from '../report-error.ts';
import { databasePath } from '../run-and-report.ts';

/** `baton rescore`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const rescoreCommand = {
  builder: (yargs: Argv) =>
    yargs
      .positional('run-id', { type: 'string', demandOption: true, describe: 'The run whose outputs are scored again' })
      .option('suite', { type: 'string', array: true, describe: 'Suite files or folders with the current scorers (default: the paths the run used)' })
      .option('out', { type: 'string', default: 'results', describe: 'Folder holding baton.duckdb' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the outcome as JSON on stdout' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .example('$0 rescore r20261122-014501-3fa9', 'Rescore with the suites the run used, as they are now')
      .example('$0 rescore r20261122-014501-3fa9 --suite suites/word-problems.yaml --out nightly/', 'Rescore one suite stored in nightly/baton.duckdb'),
  handler: async (argv: { runId: string; suite?: string[] | undefined; out: string; json: boolean; quiet: boolean }) => {
    const dbPath = databasePath(argv.out);
    if (!existsSync(dbPath)) throw new UsageError(`no database at ${dbPath}. Fix: pass the --out folder the run used`);
    const started = performance.now();
    const store = await openStore(dbPath);
    try {
      const run = await readRun(store, argv.runId);
      if (run === undefined) throw new UsageError(`no run \`${argv.runId}\` in ${dbPath}. Fix: check the run id`);
      const paths = argv.suite ?? [...run.suitePaths];
      // Suites are loaded (and every problem reported) before anything is written.
      const suites = loadSuites(paths);
      const outcome = await rescoreRun({ store, runId: run.runId, suites, suitePaths: paths });
      const rows = await summarizeRun(store, outcome.runId);
      if (argv.json) {
        process.stdout.write(`${JSON.stringify({ ...outcome, database: dbPath, models: rows }, null, 2)}\n`);
      } else if (!argv.quiet) {
        const planned = Object.values(outcome.executed).reduce((sum, count) => sum + count, 0);
        const summary = { runId: outcome.runId, status: 'completed' as const, simulated: outcome.simulated, planned, alreadyDone: 0, executed: outcome.executed, durationMs: performance.now() - started, warnings: [] };
        process.stdout.write(`rescored run ${outcome.parentRunId} as ${outcome.runId} (no model was called): ${outcome.rescored} rescored, ${outcome.changed} verdicts changed, ${outcome.scorerErrors} scorer errors, ${outcome.copied} failed calls copied, ${outcome.skipped} attempts of tasks no longer in the suites left out\n`);
        process.stdout.write(formatSummary(summary, rows));
        process.stdout.write(`database: ${dbPath}\n`);
      }
      return exitCodes.ok;
    } finally {
      store.close();
    }
  },
};
