import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { exportResults, latestRunId, type ExportFormat } from '../../harness/exchange/export-results.ts';
import { openStore } from '../../harness/store/open-store.ts';
import { readRun } from '../../harness/store/read-run.ts';
import { exitCodes } from '../exit-codes.ts';
import { UsageError } from '../report-error.ts';
import { databasePath } from '../run-and-report.ts';

/** `baton export-results`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const exportResultsCommand = {
  builder: (yargs: Argv) =>
    yargs
      .option('format', { choices: ['parquet', 'csv'] as const, default: 'parquet' as const, describe: 'File format' })
      .option('run', { type: 'string', describe: 'Run id (default: the latest run)' })
      .option('results', { type: 'string', default: 'results', describe: 'Results folder: reads <folder>/baton.duckdb' })
      .option('out', { type: 'string', describe: 'Output file (default: <results>/<run>.<format>)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .example('$0 export-results --format parquet --out shard-1.parquet', 'Export the latest run for `baton merge`'),
  handler: async (argv: { format: ExportFormat; run?: string | undefined; results: string; out?: string | undefined; quiet: boolean }) => {
    const dbPath = databasePath(argv.results);
    if (!existsSync(dbPath)) throw new UsageError(`no database at ${dbPath}. Fix: pass --results DIR`);
    const store = await openStore(dbPath);
    try {
      const runId = argv.run ?? (await latestRunId(store));
      if (runId === undefined || (await readRun(store, runId)) === undefined) throw new UsageError(`no run \`${runId ?? ''}\` in ${dbPath}. Fix: check the --run id`);
      const out = argv.out ?? join(argv.results, `${runId}.${argv.format}`);
      const rows = await exportResults(store, runId, argv.format, out);
      if (!argv.quiet) process.stdout.write(`wrote ${out}: ${rows} attempts of run ${runId}\n`);
      return exitCodes.ok;
    } finally {
      store.close();
    }
  },
};
