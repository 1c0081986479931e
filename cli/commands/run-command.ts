import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import { loadRunInputs } from '../../harness/run/load-run-inputs.ts';
import { selectShard } from '../../harness/run/select-shard.ts';
import { openStore } from '../../harness/store/open-store.ts';
import { readRun } from '../../harness/store/read-run.ts';
import { printDryRun } from '../dry-run-plan.ts';
import { parseShard } from '../parse-shard.ts';
import { UsageError } from '../report-error.ts';
import { databasePath, runAndReport } from '../run-and-report.ts';
import { withRunOutputOptions } from '../shared-options.ts';

/** `baton run`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const runCommand = {
  builder: (yargs: Argv) =>
    withRunOutputOptions(yargs)
      .positional('paths', { type: 'string', array: true, describe: 'Suite files or folders' })
      .option('config', { type: 'string', describe: 'Models config (YAML or JSON)', default: 'baton.config.yaml' })
      .option('repeats', { type: 'number', describe: 'Samples per (task, model), overriding the suites' })
      .option('resume', { type: 'string', describe: 'Continue an interrupted run by id, skipping stored attempts' })
      .option('shard', { type: 'string', describe: 'Run slice i of n of the plan (by a hash of suite and task; every model and repeat of a task stays together), e.g. 2/3' })
      .option('max-cost', { type: 'number', describe: 'Stop scheduling before the run\'s spending (USD, list prices) would pass this; exit 1' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print attempts, tokens and cost range per model; call nothing, write nothing' })
      .example('$0 run suites/ --config baton.config.yaml', 'Run the suites in suites/ against the configured models')
      .example('$0 run suites/word-problems.yaml --repeats 3 --out nightly/', 'Three samples per task, stored in nightly/baton.duckdb')
      .example('$0 run --resume r20261122-014501-3fa9', 'Continue an interrupted run with its own suites and config')
      .example('$0 run suites/ --max-cost 5 --dry-run', 'Show what the run would cost, then run it with a $5 cap'),
  handler: async (argv: { paths?: string[] | undefined; config: string; out: string; quiet: boolean; json: boolean; maxErrorRate: number; simTimeScale: number; repeats?: number | undefined; resume?: string | undefined; maxCost?: number | undefined; dryRun: boolean; shard?: string | undefined }) => {
    const shard = parseShard(argv.shard);
    if (argv.maxCost !== undefined && !(Number.isFinite(argv.maxCost) && argv.maxCost > 0)) throw new UsageError(`Expected \`--max-cost\` to be a number > 0, got \`${String(argv.maxCost)}\``);
    // A dry run must not open the database, and a resume reads its inputs from it.
    if (argv.dryRun && argv.resume !== undefined) throw new UsageError('`--dry-run` cannot be combined with `--resume`. Fix: dry-run the suites and config themselves');
    let paths = argv.paths ?? [];
    let configPath = argv.config;
    let repeats = argv.repeats;
    if (argv.resume !== undefined) {
      const recorded = await readRecordedInputs(argv.out, argv.resume);
      if (paths.length === 0) paths = [...recorded.suitePaths];
      if (recorded.configFile !== null && configPath === 'baton.config.yaml') configPath = recorded.configFile;
      repeats ??= recorded.repeats;
    }
    if (paths.length === 0) throw new UsageError('name at least one suite file or folder, e.g. `baton run suites/`');
    const { suites, config } = loadRunInputs(paths, configPath);
    if (argv.dryRun) return printDryRun(selectShard(suites, shard), config, { repeats, json: argv.json });
    return runAndReport(paths, suites, config, { ...argv, repeats, resume: argv.resume, maxCostUsd: argv.maxCost, shard });
  },
};

async function readRecordedInputs(out: string, runId: string) {
  const dbPath = databasePath(out);
  if (!existsSync(dbPath)) throw new UsageError(`no database at ${dbPath}. Fix: pass the --out folder the run used`);
  const store = await openStore(dbPath);
  try {
    const run = await readRun(store, runId);
    if (run === undefined) throw new UsageError(`no run \`${runId}\` in ${dbPath}. Fix: check the run id`);
    const repeats = typeof run.options.repeats === 'number' ? run.options.repeats : undefined;
    return { suitePaths: run.suitePaths, configFile: run.configFile, repeats };
  } finally {
    store.close();
  }
}
