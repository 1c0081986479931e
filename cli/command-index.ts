import type { Argv } from 'yargs';

/** What a command module exports: its options and its handler, which returns the exit code. */
export interface CommandModule {
  readonly builder: (yargs: Argv) => unknown;
  readonly handler: (argv: never) => number | Promise<number>;
}

/** A command's usage line and summary, known without loading it. */
export interface CommandEntry {
  /** The yargs command string: name and positionals. */
  readonly command: string;
  /** The one-line summary `baton --help` lists. */
  readonly describe: string;
  /** Imports the command's module. */
  readonly load: () => Promise<CommandModule>;
}

/**
 * Every command, in the order `baton --help` lists them. A command's module is imported only
 * when the command line names it: module loading dominates the CLI's start-up, and `baton run`
 * has no use for the policy learner, the report renderer or the exchange formats.
 */
export const commandIndex = {
  run: {
    command: 'run [paths..]',
    describe: 'Run every task of every suite against every configured model',
    load: async () => (await import('./commands/run-command.ts')).runCommand,
  },
  validate: {
    command: 'validate <paths..>',
    describe: 'Check suites and a models config without running anything',
    load: async () => (await import('./commands/validate-command.ts')).validateCommand,
  },
  rescore: {
    command: 'rescore <run-id>',
    describe: 'Score a stored run again with the current scorers, calling no model; writes a new run linked to it',
    load: async () => (await import('./commands/rescore-command.ts')).rescoreCommand,
  },
  demo: {
    command: 'demo',
    describe: 'Run the bundled suites against the bundled simulated fleet (no keys, no network)',
    load: async () => (await import('./commands/demo-command.ts')).demoCommand,
  },
  report: {
    command: 'report',
    describe: 'Report runs: quality with intervals, cost per correct answer, latency, per model and category',
    load: async () => (await import('./commands/report-command.ts')).reportCommand,
  },
  compare: {
    command: 'compare <baseline> <candidate>',
    describe: 'Compare two runs on their shared tasks; flag significant regressions and improvements',
    load: async () => (await import('./commands/compare-command.ts')).compareCommand,
  },
  schema: {
    command: 'schema <kind>',
    describe: 'Print (or write) the JSON Schema of suites, of the models config or of policy files',
    load: async () => (await import('./commands/schema-command.ts')).schemaCommand,
  },
  fit: {
    command: 'fit',
    describe: 'Learn a routing policy (category → model, fallbacks, evidence) from stored runs',
    load: async () => (await import('./commands/fit-command.ts')).fitCommand,
  },
  'evaluate-policy': {
    command: 'evaluate-policy',
    describe: 'Cross-validate the policy learner: held-out quality and cost against the best single model, the oracle and random routing',
    load: async () => (await import('./commands/evaluate-policy-command.ts')).evaluatePolicyCommand,
  },
  export: {
    command: 'export',
    describe: 'Compile a policy for a gateway: a LiteLLM router config, or a plain JSON routing table',
    load: async () => (await import('./commands/export-command.ts')).exportCommand,
  },
  import: {
    command: 'import <format> <paths..>',
    describe: 'Import per-prompt outcomes recorded elsewhere as a run (routerbench, routellm, collector, long, baton)',
    load: async () => (await import('./commands/import-command.ts')).importCommand,
  },
  'export-results': {
    command: 'export-results',
    describe: 'Write one run\'s attempts (with run, model and task columns) to Parquet or CSV, e.g. a shard for `baton merge`',
    load: async () => (await import('./commands/export-results-command.ts')).exportResultsCommand,
  },
  merge: {
    command: 'merge <files..>',
    describe: 'Merge exported shards (`baton run --shard i/n` + `baton export-results`) into one run',
    load: async () => (await import('./commands/merge-command.ts')).mergeCommand,
  },
  'sim-serve': {
    command: 'sim-serve',
    describe: 'Serve the simulated fleet over HTTP in the OpenAI, Anthropic and Gemini wire formats (127.0.0.1)',
    load: async () => (await import('./commands/sim-serve-command.ts')).simServeCommand,
  },
} as const satisfies Readonly<Record<string, CommandEntry>>;

/** The entry of the command a command line names, if it names one; no global option takes a value. */
export function namedCommand(args: readonly string[]): CommandEntry | undefined {
  const word = args.find((arg) => !arg.startsWith('-'));
  return word !== undefined && Object.hasOwn(commandIndex, word) ? commandIndex[word as keyof typeof commandIndex] : undefined;
}
