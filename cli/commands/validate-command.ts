import type { Argv } from 'yargs';
import { loadRunInputs } from '../../harness/run/load-run-inputs.ts';
import { loadSuites } from '../../harness/suites/load-suites.ts';
import { exitCodes } from '../exit-codes.ts';

/** `baton validate`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const validateCommand = {
  builder: (yargs: Argv) =>
    yargs
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'Suite files or folders' })
      .option('config', { type: 'string', describe: 'Models config to check too' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON' })
      .example('$0 validate suites/', 'Check every suite under suites/')
      .example('$0 validate suites/ --config baton.config.yaml', 'Check the suites and the models config'),
  handler: (argv: { paths: string[]; config?: string | undefined; json: boolean }) => {
    // With a config, both are loaded and reported together, exactly as `run` would.
    const { suites, config } = argv.config === undefined ? { suites: loadSuites(argv.paths), config: undefined } : loadRunInputs(argv.paths, argv.config);
    const tasks = suites.reduce((sum, suite) => sum + suite.tasks.count, 0);
    const models = config?.config.models.length ?? 0;
    if (argv.json) process.stdout.write(`${JSON.stringify({ ok: true, suites: suites.map((suite) => ({ id: suite.id, file: suite.file, tasks: suite.tasks.count })), models })}\n`);
    else process.stdout.write(`ok: ${suites.length} suite(s), ${tasks} task(s)${config === undefined ? '' : `, ${models} model(s)`}\n`);
    return exitCodes.ok;
  },
};
