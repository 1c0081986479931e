import type { Argv } from 'yargs';
import { loadConfig } from '../../harness/config/load-config.ts';
import { InputError, type InputProblem } from '../../harness/core/input-error.ts';
import { loadSuites } from '../../harness/suites/load-suites.ts';
import { exitCodes } from '../exit-codes.ts';

export const validateCommand = {
  command: 'validate <paths..>',
  describe: 'Check suites and a models config without running anything',
  builder: (yargs: Argv) =>
    yargs
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'Suite files or folders' })
      .option('config', { type: 'string', describe: 'Models config to check too' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON' })
      .example('$0 validate suites/', 'Check every suite under suites/')
      .example('$0 validate suites/ --config baton.config.yaml', 'Check the suites and the models config'),
  handler: (argv: { paths: string[]; config?: string | undefined; json: boolean }) => {
    const problems: InputProblem[] = [];
    const collect = <T>(load: () => T): T | undefined => {
      try {
        return load();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.problems);
        return undefined;
      }
    };
    const suites = collect(() => loadSuites(argv.paths)) ?? [];
    const config = argv.config === undefined ? undefined : collect(() => loadConfig(argv.config ?? ''));
    if (problems.length > 0) throw new InputError(problems);
    const tasks = suites.reduce((sum, suite) => sum + suite.tasks.length, 0);
    const models = config?.config.models.length ?? 0;
    if (argv.json) process.stdout.write(`${JSON.stringify({ ok: true, suites: suites.map((suite) => ({ id: suite.id, file: suite.file, tasks: suite.tasks.length })), models })}\n`);
    else process.stdout.write(`ok: ${suites.length} suite(s), ${tasks} task(s)${config === undefined ? '' : `, ${models} model(s)`}\n`);
    return exitCodes.ok;
  },
};
