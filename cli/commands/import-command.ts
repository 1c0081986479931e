import type { Argv } from 'yargs';
import { importFormats, type ImportFormat, type LongColumns } from '../../harness/exchange/import-options.ts';
import { importRun } from '../../harness/exchange/import-run.ts';
import { defaultLongColumns } from '../../harness/exchange/stage-long.ts';
import { openStore } from '../../harness/store/open-store.ts';
import { exitCodes } from '../exit-codes.ts';
import { databasePath } from '../run-and-report.ts';

interface ImportArgs {
  format: ImportFormat;
  paths: string[];
  categoryFrom?: string | undefined;
  name?: string | undefined;
  excludePrompts?: string | undefined;
  out: string;
  json: boolean;
  quiet: boolean;
  taskColumn: string;
  modelColumn: string;
  scoreColumn: string;
  suiteColumn?: string | undefined;
  promptColumn?: string | undefined;
  repeatColumn?: string | undefined;
  passedColumn?: string | undefined;
  costColumn?: string | undefined;
  inputTokensColumn?: string | undefined;
  outputTokensColumn?: string | undefined;
  reasoningTokensColumn?: string | undefined;
  latencyColumn?: string | undefined;
  outputColumn?: string | undefined;
}

const longFlags = {
  'suite-column': 'Suite id (default: --name, else the file name)',
  'prompt-column': 'Prompt text (default: `prompt` when present)',
  'repeat-column': 'Repeat index, 0-based (default: `repeat` when present, else 0)',
  'passed-column': 'The data\'s own pass/fail verdict (default: `passed` when present, else score ≥ 0.5)',
  'cost-column': 'Cost in USD (default: `cost_usd` when present)',
  'input-tokens-column': 'Input tokens (default: `input_tokens` when present)',
  'output-tokens-column': 'Output tokens (default: `output_tokens` when present)',
  'reasoning-tokens-column': 'Reasoning tokens (default: `reasoning_tokens` when present)',
  'latency-column': 'Latency in ms (default: `latency_ms` when present)',
  'output-column': 'The model\'s answer (default: `output` when present)',
} as const;

/** `baton import`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const importCommand = {
  builder: (yargs: Argv) => {
    let built = yargs
      .positional('format', { choices: importFormats, demandOption: true, describe: 'Layout of the files' })
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'Files, or folders of them' })
      .option('category-from', { type: 'string', describe: 'Field or column holding the category (default: eval_name, the file name, dataset_name, category)' })
      .option('name', { type: 'string', describe: 'Suite id where the data names none' })
      .option('exclude-prompts', { type: 'string', describe: 'JSONL or text list of prompts to leave out (e.g. RouteLLM contaminated_prompts.jsonl)' })
      .option('out', { type: 'string', default: 'results', describe: 'Folder of baton.duckdb (created if missing)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the outcome as JSON' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .option('task-column', { type: 'string', default: defaultLongColumns.task, describe: 'long: task id column' })
      .option('model-column', { type: 'string', default: defaultLongColumns.model, describe: 'long: model id column' })
      .option('score-column', { type: 'string', default: defaultLongColumns.score, describe: 'long: score column, in [0, 1]' });
    for (const [flag, describe] of Object.entries(longFlags)) built = built.option(flag, { type: 'string', describe: `long: ${describe}` });
    return built
      .example('$0 import routellm ../data/routellm/evals/mmlu/responses --exclude-prompts ../data/routellm/evals/mmlu/contaminated_prompts.jsonl', 'RouteLLM MMLU, 57 domains as categories')
      .example('$0 import collector ../data/pricing-reversal/raw', 'pricing-reversal raw records, dataset as category')
      .example('$0 import long outcomes.parquet --task-column id --model-column model --score-column correct --cost-column usd', 'A long table with its own column names');
  },
  handler: async (argv: ImportArgs) => {
    const long: LongColumns = {
      task: argv.taskColumn, model: argv.modelColumn, score: argv.scoreColumn, suite: argv.suiteColumn, prompt: argv.promptColumn, repeat: argv.repeatColumn,
      passed: argv.passedColumn, cost: argv.costColumn, inputTokens: argv.inputTokensColumn, outputTokens: argv.outputTokensColumn,
      reasoningTokens: argv.reasoningTokensColumn, latency: argv.latencyColumn, output: argv.outputColumn,
    };
    const store = await openStore(databasePath(argv.out));
    const outcome = await importRun(store, { format: argv.format, paths: argv.paths, categoryFrom: argv.categoryFrom, name: argv.name, excludePrompts: argv.excludePrompts, long }).finally(() => store.close());
    if (argv.json) process.stdout.write(`${JSON.stringify({ ...outcome, database: databasePath(argv.out) }, null, 2)}\n`);
    else if (!argv.quiet) {
      const excluded = outcome.excluded > 0 ? `, ${outcome.excluded} excluded row(s)` : '';
      process.stdout.write(`imported run ${outcome.runId}: ${outcome.attempts} attempts, ${outcome.tasks} tasks, ${outcome.models} models${excluded} into ${databasePath(argv.out)}\n`);
    }
    return exitCodes.ok;
  },
};
