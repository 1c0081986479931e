import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Argv } from 'yargs';
import { ReportInputError } from '../reports/report-input-error.ts';
import { UsageError } from './report-error.ts';

/** Options of the commands that read a database: where it is, and the statistics' parameters. */
export function withReportOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('results', { type: 'string', default: 'results', describe: 'Results folder: reads <folder>/baton.duckdb' })
    .option('db', { type: 'string', describe: 'The database file (overrides --results)' })
    .option('alpha', { type: 'number', default: 0.05, describe: 'Significance level of the run comparison' })
    .option('adjust', { choices: ['holm', 'none'] as const, default: 'holm' as const, describe: 'Multiple-comparison adjustment over all compared rows' })
    .option('seed', { type: 'number', default: 1, describe: 'Seed of the bootstrap intervals (same seed, same intervals)' });
}

/** The parsed shared options. */
export interface ReportFlags {
  readonly results: string;
  readonly db?: string | undefined;
  readonly alpha: number;
  readonly adjust: 'holm' | 'none';
  readonly seed: number;
}

/** The database a command reads, and the folder its outputs go to by default. */
export function resolveDatabase(flags: ReportFlags): { dbPath: string; folder: string } {
  const dbPath = flags.db ?? join(flags.results, 'baton.duckdb');
  if (!existsSync(dbPath)) throw new UsageError(`no database at ${dbPath}. Fix: pass --results DIR or --db FILE, or run \`baton demo\` first`);
  if (!(flags.alpha > 0 && flags.alpha < 1)) throw new UsageError(`Expected \`alpha\` to be in (0, 1), got \`${flags.alpha}\``);
  return { dbPath, folder: flags.db === undefined ? flags.results : dirname(flags.db) };
}

/** Statistics settings from the flags. */
export function reportSettings(flags: ReportFlags) {
  return { alpha: flags.alpha, adjust: flags.adjust, bootstrapSeed: flags.seed };
}

/** Runs `action`, turning the report layer's input errors into usage errors (exit 2). */
export async function asUsage<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ReportInputError) throw new UsageError(error.message);
    throw error;
  }
}
