import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { compareCommand } from './commands/compare-command.ts';
import { demoCommand } from './commands/demo-command.ts';
import { evaluatePolicyCommand } from './commands/evaluate-policy-command.ts';
import { exportCommand } from './commands/export-command.ts';
import { exportResultsCommand } from './commands/export-results-command.ts';
import { fitCommand } from './commands/fit-command.ts';
import { importCommand } from './commands/import-command.ts';
import { mergeCommand } from './commands/merge-command.ts';
import { reportCommand } from './commands/report-command.ts';
import { rescoreCommand } from './commands/rescore-command.ts';
import { runCommand } from './commands/run-command.ts';
import { schemaCommand } from './commands/schema-command.ts';
import { simServeCommand } from './commands/sim-serve-command.ts';
import { validateCommand } from './commands/validate-command.ts';
import { exitCodes } from './exit-codes.ts';
import { reportError } from './report-error.ts';

type Handler = (argv: never) => number | Promise<number>;

/** Wraps a command so that its result becomes the exit code and its errors become messages. */
function guarded<T extends { handler: Handler }>(command: T): T {
  return {
    ...command,
    handler: async (argv: never) => {
      try {
        process.exitCode = await command.handler(argv);
      } catch (error) {
        process.exitCode = reportError(error);
      }
    },
  };
}

await yargs(hideBin(process.argv))
  .scriptName('baton')
  .usage('$0 <command> [options]\n\nBenchmark LLM providers on declarative task suites; learn routing policies from the results.')
  .command(guarded(runCommand) as never)
  .command(guarded(validateCommand) as never)
  .command(guarded(rescoreCommand) as never)
  .command(guarded(demoCommand) as never)
  .command(guarded(reportCommand) as never)
  .command(guarded(compareCommand) as never)
  .command(guarded(schemaCommand) as never)
  .command(guarded(fitCommand) as never)
  .command(guarded(evaluatePolicyCommand) as never)
  .command(guarded(exportCommand) as never)
  .command(guarded(importCommand) as never)
  .command(guarded(exportResultsCommand) as never)
  .command(guarded(mergeCommand) as never)
  .command(guarded(simServeCommand) as never)
  .demandCommand(1, 'Name a command; `baton --help` lists them.')
  .strict()
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`error: ${message}\nRun with --help for usage.\n`);
    process.exit(exitCodes.badInput);
  })
  .help()
  .alias('h', 'help')
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
