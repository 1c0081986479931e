import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { reportFormats, type ReportFormat } from '../../reports/report-format.ts';
import { exitCodes } from '../exit-codes.ts';
import { UsageError } from '../report-error.ts';
import { asUsage, reportSettings, resolveDatabase, withReportOptions, type ReportFlags } from '../report-options.ts';

interface ReportArgs extends ReportFlags {
  run?: string[] | undefined;
  last?: number | undefined;
  compare?: string | undefined;
  out?: string | undefined;
  stdout: boolean;
  format: ReportFormat[];
  policy?: string | undefined;
}

/** `baton report`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const reportCommand = {
  builder: (yargs: Argv) =>
    withReportOptions(yargs)
      .option('run', { type: 'string', array: true, describe: 'Run id (repeatable); the last one is reported, two runs are also compared' })
      .option('last', { type: 'number', describe: 'The latest N runs: the newest is reported, all of them in the trend' })
      .option('compare', { type: 'string', describe: 'Baseline run id to compare the reported run against' })
      .option('format', { choices: reportFormats, array: true, default: ['html'] as ReportFormat[], describe: 'One or more of html, md (pull-request comment), csv (per model and category), json' })
      .option('out', { type: 'string', describe: 'Output file (default <results>/report.<format>); other formats replace its extension' })
      .option('stdout', { type: 'boolean', default: false, describe: 'Print the report (one format) instead of writing files' })
      .option('policy', { type: 'string', describe: 'Routing policy to chart against the best single model (default <results>/policy.json when present)' })
      .conflicts('run', 'last')
      .example('$0 report', 'results/report.html for the latest run in results/baton.duckdb')
      .example('$0 report --last 7 --format html md', 'Trend over the last 7 runs; HTML and Markdown')
      .example('$0 report --run r1 --run r2 --format md --stdout', 'Compare r1 (baseline) with r2, Markdown on stdout'),
  handler: async (argv: ReportArgs) => {
    const { dbPath, folder } = resolveDatabase(argv);
    // Loaded here, not at start-up: vega and vega-lite would slow every other command down.
    const [{ buildReportData }, { renderReport }, { openReportStore }, { writeReport }] = await Promise.all([
      import('../../reports/build-report-data.ts'),
      import('../../reports/render-report.ts'),
      import('../../reports/store/open-report-store.ts'),
      import('../../reports/write-report.ts'),
    ]);
    if (argv.policy !== undefined && !existsSync(argv.policy)) throw new UsageError(`no policy file at ${argv.policy}. Fix: run \`baton fit\` first, or leave out --policy`);
    const options = {
      runIds: argv.run,
      last: argv.last,
      compareWith: argv.compare,
      policyPath: argv.policy ?? join(folder, 'policy.json'),
      settings: reportSettings(argv),
    };
    const formats = [...new Set(argv.format)];
    if (argv.stdout) {
      const [format, ...rest] = formats;
      if (format === undefined || rest.length > 0) throw new UsageError('--stdout prints one format; name exactly one with --format');
      const store = await openReportStore(dbPath);
      const data = await asUsage(() => buildReportData(store, options)).finally(() => store.close());
      process.stdout.write((await renderReport(data, format)).text);
      return exitCodes.ok;
    }
    const outFile = argv.out ?? join(folder, `report.${formats.length === 1 ? (formats[0] ?? 'html') : 'html'}`);
    const written = await asUsage(() => writeReport({ ...options, dbPath, outFile, formats }));
    const main = written.files.filter((file) => !file.endsWith('.vl.json'));
    const specs = written.files.length - main.length;
    process.stdout.write(`report of run ${written.data.subject.runId}${written.data.simulated ? ' (SIMULATED models)' : ''}: ${main.join(', ')}${specs > 0 ? ` (+${specs} chart specs)` : ''}\n`);
    for (const note of written.data.notes) process.stderr.write(`note: ${note}\n`);
    return exitCodes.ok;
  },
};
