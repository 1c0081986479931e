import type { Argv } from 'yargs';

/** Output options shared by the commands that run suites. */
export function withRunOutputOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('out', { type: 'string', default: 'results', describe: 'Folder for baton.duckdb (created if missing)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the outcome as JSON on stdout' })
    .option('max-error-rate', { type: 'number', default: 0.05, describe: 'Exit 1 when more than this share of attempts fail (errors and timeouts)' })
    .option('sim-time-scale', { type: 'number', default: 1, describe: 'Multiply simulated models\' latency (0 = instant)' });
}
