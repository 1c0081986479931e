import type { Argv } from 'yargs';
import { loadConfig } from '../../harness/config/load-config.ts';
import { loadSuites } from '../../harness/suites/load-suites.ts';
import { packagePaths } from '../package-paths.ts';
import { runAndReport } from '../run-and-report.ts';
import { withRunOutputOptions } from '../shared-options.ts';

export const demoCommand = {
  command: 'demo',
  describe: 'Run the bundled suites against the bundled simulated fleet (no keys, no network)',
  builder: (yargs: Argv) =>
    withRunOutputOptions(yargs)
      .example('$0 demo', 'Writes results/baton.duckdb')
      .example('$0 demo --out /tmp/demo --sim-time-scale 0', 'Instant simulated latency, output elsewhere'),
  handler: async (argv: { out: string; quiet: boolean; json: boolean; maxErrorRate: number; simTimeScale: number }) => {
    const suites = loadSuites([packagePaths.suites]);
    const config = loadConfig(packagePaths.fleet);
    return runAndReport([packagePaths.suites], suites, config, argv);
  },
};
