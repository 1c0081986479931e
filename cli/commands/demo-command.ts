import type { Argv } from 'yargs';
import { loadRunInputs } from '../../harness/run/load-run-inputs.ts';
import { packagePaths } from '../package-paths.ts';
import { runAndReport } from '../run-and-report.ts';
import { withRunOutputOptions } from '../shared-options.ts';
import { writeDemoArtifacts } from '../write-demo-artifacts.ts';

/** `baton demo`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const demoCommand = {
  builder: (yargs: Argv) =>
    withRunOutputOptions(yargs)
      .option('http', { type: 'boolean', default: false, describe: 'Go through sim-serve on a loopback port and the official OpenAI, Anthropic and Gemini SDKs' })
      .example('$0 demo', 'Writes results/baton.duckdb, results/policy.json and results/report.html')
      .example('$0 demo --out /tmp/demo --sim-time-scale 0', 'Instant simulated latency, output elsewhere')
      .example('$0 demo --http', 'The same fleet over HTTP, one model per provider kind, checked against what the server served'),
  handler: async (argv: { out: string; quiet: boolean; json: boolean; maxErrorRate: number; simTimeScale: number; http: boolean }) => {
    const { suites, config } = loadRunInputs([packagePaths.suites], packagePaths.fleet);
    if (argv.http) {
      // Loaded only for --http: the plain demo never pays for the server.
      const { runDemoOverHttp } = await import('../run-demo-over-http.ts');
      return runDemoOverHttp([packagePaths.suites], suites, config, argv);
    }
    return runAndReport([packagePaths.suites], suites, config, argv, {
      afterRun: (outcome, dbPath) => writeDemoArtifacts(outcome, dbPath, argv.out, argv.quiet || argv.json),
    });
  },
};
