import type { Argv } from 'yargs';
import { loadConfig } from '../../harness/config/load-config.ts';
import type { SimServer } from '../../harness/sim-serve/start-sim-server.ts';
import { createSimOracle } from '../../harness/sim/sim-oracle.ts';
import { loadSuites } from '../../harness/suites/load-suites.ts';
import { exitCodes } from '../exit-codes.ts';
import { packagePaths } from '../package-paths.ts';
import { UsageError } from '../report-error.ts';

/** `baton sim-serve`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const simServeCommand = {
  builder: (yargs: Argv) =>
    yargs
      .option('port', { type: 'number', default: 8787, describe: 'Port on 127.0.0.1 (0 = any free port)' })
      .option('fleet', { type: 'string', default: packagePaths.fleet, describe: 'Models config whose `sim` models are served' })
      .option('suites', { type: 'string', array: true, default: [packagePaths.suites], describe: 'Suites whose tasks the simulated models recognise' })
      .option('time-scale', { type: 'number', default: 1, describe: 'Multiply simulated latency and Retry-After (0 = instant)' })
      .option('api-key-env', { type: 'string', describe: 'Require the key held in this environment variable (401 otherwise)' })
      .example('$0 sim-serve', 'OpenAI clients: base_url http://127.0.0.1:8787/v1; Anthropic and Gemini: http://127.0.0.1:8787')
      .example('$0 sim-serve --port 0 --fleet my-fleet.yaml --suites suites/ --time-scale 0', 'Any free port, your own fleet, instant answers'),
  handler: async (argv: { port: number; fleet: string; suites: string[]; timeScale: number; apiKeyEnv?: string | undefined }) => {
    // Loaded here, not at start-up: every other command would pay for the server otherwise.
    const [{ createSimFleet }, { startSimServer }] = await Promise.all([import('../../harness/sim-serve/sim-fleet.ts'), import('../../harness/sim-serve/start-sim-server.ts')]);
    const suites = loadSuites(argv.suites);
    const fleet = createSimFleet(loadConfig(argv.fleet).config);
    if (fleet.models.length === 0) throw new UsageError(`${argv.fleet} has no \`provider: sim\` models to serve`);
    const apiKey = argv.apiKeyEnv === undefined ? undefined : process.env[argv.apiKeyEnv];
    if (argv.apiKeyEnv !== undefined && (apiKey === undefined || apiKey === '')) throw new UsageError(`the environment variable \`${argv.apiKeyEnv}\` is not set. Fix: set it, or drop --api-key-env`);
    let server: SimServer;
    try {
      // The server answers any prompt of its suites at any time: it holds every task.
      const oracle = createSimOracle(suites.flatMap((suite) => [...suite.tasks]));
      server = await startSimServer({ fleet, oracle, port: argv.port, timeScale: argv.timeScale, apiKey, keepRecord: false });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EADDRINUSE') throw new UsageError(`port ${argv.port} is in use. Fix: pass another --port, or --port 0 for any free one`);
      throw error;
    }
    const tasks = suites.reduce((sum, suite) => sum + suite.tasks.count, 0);
    process.stdout.write(
      [
        `sim-serve: ${fleet.models.length} simulated models, ${tasks} known tasks, on ${server.url} (Ctrl-C stops)`,
        `  openai, openai-compatible: base_url ${server.url}/v1   POST /v1/chat/completions`,
        `  anthropic:                 base_url ${server.url}      POST /v1/messages (seed in x-baton-seed)`,
        `  google:                    base_url ${server.url}      POST /v1beta/models/{model}:generateContent, :streamGenerateContent?alt=sse`,
        `  models: ${fleet.models.map((model) => model.model).join(', ')}`,
        '  Give such models `attributes: { simulated: true }` so that their runs say they are simulated.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    const outcomes = Object.entries(server.outcomes());
    const total = outcomes.reduce((sum, [, count]) => sum + count, 0);
    process.stdout.write(`sim-serve: served ${total} requests (${outcomes.map(([outcome, count]) => `${outcome} ${count}`).join(', ') || 'none'})\n`);
    return exitCodes.ok;
  },
};
