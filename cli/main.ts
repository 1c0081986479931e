import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commandIndex, namedCommand, type CommandModule } from './command-index.ts';
import { exitCodes } from './exit-codes.ts';
import { reportError } from './report-error.ts';

/** Wraps a command so that its result becomes the exit code and its errors become messages. */
function guarded<T extends CommandModule>(command: T): T {
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

const args = hideBin(process.argv);
const parser = yargs(args)
  .scriptName('baton')
  .usage('$0 <command> [options]\n\nBenchmark LLM providers on declarative task suites; learn routing policies from the results.');
// Only the named command is loaded; without one, every command is listed by its summary alone.
const named = namedCommand(args);
if (named === undefined) for (const { command, describe } of Object.values(commandIndex)) parser.command(command, describe);
else parser.command({ command: named.command, describe: named.describe, ...guarded(await named.load()) } as never);
await parser
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
