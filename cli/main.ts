import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { readBatonVersion } from '../harness/run/read-provenance.ts';
import { commandIndex, namedCommand, type CommandModule } from './command-index.ts';
import { exitCodes } from './exit-codes.ts';
import { reportError } from './report-error.ts';

/** Runs a command: its result becomes the exit code and its errors become messages. */
async function runGuarded(command: CommandModule, argv: unknown): Promise<void> {
  try {
    process.exitCode = await command.handler(argv as never);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

const args = hideBin(process.argv);
// Only the named command is loaded; without one, every command is listed by its summary alone.
const named = namedCommand(args);
const chosen = named === undefined ? undefined : await named.load();
/**
 * yargs renders and caches a command's whole help text whenever it runs one (~30 ms of every
 * start-up, for text nobody reads), but not for its default command. So when no help is asked
 * for, the named command is parsed as the default command of the words after its name; with
 * `--help`/`--version`, as the named command it is, whose help names it.
 */
const direct = named !== undefined && !args.some((arg) => arg === '--help' || arg === '-h' || arg === '--version');
const parser = yargs(direct ? args.filter((_, index) => index !== args.indexOf(named.command.split(' ')[0] ?? '')) : args)
  .scriptName('baton')
  .usage('$0 <command> [options]\n\nBenchmark LLM providers on declarative task suites; learn routing policies from the results.');
if (named === undefined) for (const { command, describe } of Object.values(commandIndex)) parser.command(command, describe);
else if (direct) parser.command({ command: named.command.replace(/^\S+/, '$0'), describe: named.describe, builder: chosen?.builder } as never);
else parser.command({ command: named.command, describe: named.describe, builder: chosen?.builder } as never);
if (!direct) parser.demandCommand(1, 'Name a command; `baton --help` lists them.');
const argv = await parser
  .strict()
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`error: ${message}\nRun with --help for usage.\n`);
    process.exit(exitCodes.badInput);
  })
  .help()
  .alias('h', 'help')
  // Given, not looked up: yargs searches for package.json from its own file, which is inside the bundle.
  .version(readBatonVersion())
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
// Help, --version and usage errors exited inside the parser; anything else runs the command.
if (chosen !== undefined) await runGuarded(chosen, argv);
