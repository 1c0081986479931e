import { join } from 'node:path';
import type { LoadedConfig } from '../harness/config/load-config.ts';
import type { Suite } from '../harness/core/suite.ts';
import { executeRun } from '../harness/run/execute-run.ts';
import type { RunOptions, RunOutcome } from '../harness/run/run-options.ts';
import type { Shard } from '../harness/run/select-shard.ts';
import { exitCodes } from './exit-codes.ts';
import { installInterrupt } from './interrupt.ts';
import { formatSummary } from './print-summary.ts';
import { createProgress } from './progress.ts';

/** Output flags shared by `run` and `demo`. */
export interface RunFlags {
  readonly out: string;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly maxErrorRate: number;
  readonly simTimeScale: number;
  readonly repeats?: number | undefined;
  readonly resume?: string | undefined;
  readonly graceMs?: number | undefined;
  /** `--max-cost`: the run's spending cap in USD. */
  readonly maxCostUsd?: number | undefined;
  /** `--shard i/n`. */
  readonly shard?: Shard | undefined;
}

/** The database file inside an output folder. */
export function databasePath(out: string): string {
  return join(out, 'baton.duckdb');
}

/** What a command adds to the run beyond its flags (the demo's sim-serve wiring). */
export type RunExtras = Pick<RunOptions, 'env' | 'createProvider'> & {
  /** Runs after the summary; its non-zero exit code wins. */
  readonly afterRun?: ((outcome: RunOutcome, dbPath: string) => Promise<number>) | undefined;
};

/** Runs, draws progress, prints the summary (table or JSON) and returns the exit code. */
export async function runAndReport(suitePaths: readonly string[], suites: readonly Suite[], config: LoadedConfig, flags: RunFlags, extras: RunExtras = {}): Promise<number> {
  const dbPath = databasePath(flags.out);
  const progress = createProgress(!flags.quiet && !flags.json);
  const interrupt = installInterrupt(flags.graceMs ?? 10_000, (message) => {
    progress.stop();
    if (!flags.quiet) process.stderr.write(`\n${message}\n`);
  });
  let outcome;
  try {
    outcome = await executeRun({
      suitePaths,
      suites,
      config,
      dbPath,
      repeats: flags.repeats,
      resumeRunId: flags.resume,
      simTimeScale: flags.simTimeScale,
      maxCostUsd: flags.maxCostUsd,
      shard: flags.shard,
      stopSignal: interrupt.stop,
      abortSignal: interrupt.abort,
      onEvent: (event) => {
        // One line for logs (and for whoever may need to resume), before the progress bar starts.
        if (event.type === 'started' && !flags.quiet) {
          const before = event.resumed ? `, ${event.alreadyDone} already stored` : '';
          process.stderr.write(`run ${event.runId} ${event.resumed ? 'resumed' : 'started'}: ${event.planned} attempts planned${before}\n`);
        }
        progress.onEvent(event);
      },
      // The environment is read here, at the boundary; keys never go further than the providers.
      env: extras.env ?? process.env,
      createProvider: extras.createProvider,
      summarize: true,
    });
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  // Read by the run before it closed the store (`summarize`).
  const { models: rows = [], ...ran } = outcome;
  const stored = Object.values(outcome.executed).reduce((sum, count) => sum + count, 0);
  const failed = outcome.executed.error + outcome.executed.timeout;
  const errorRate = stored === 0 ? 0 : failed / stored;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...ran, database: dbPath, errorRate, models: rows }, null, 2)}\n`);
  } else if (!flags.quiet) {
    process.stdout.write(formatSummary(outcome, rows));
    process.stdout.write(`database: ${dbPath}\n`);
  }
  if (!flags.json) for (const warning of outcome.warnings) process.stderr.write(`warning: ${warning}\n`);
  const checked = (await extras.afterRun?.(outcome, dbPath)) ?? exitCodes.ok;
  if (checked !== exitCodes.ok) return checked;
  if (outcome.status === 'interrupted') {
    process.stderr.write(`run ${outcome.runId} interrupted; resume with: npx baton run --resume ${outcome.runId} --out ${flags.out}\n`);
    return exitCodes.failures;
  }
  if (outcome.status === 'budget_stopped') {
    process.stderr.write(`run ${outcome.runId} stopped by --max-cost ${flags.maxCostUsd ?? ''}: $${(outcome.spentUsd ?? 0).toFixed(6)} spent, the next attempt could pass the cap; continue with a higher cap: npx baton run --resume ${outcome.runId} --out ${flags.out} --max-cost <usd>\n`);
    return exitCodes.failures;
  }
  if (errorRate > flags.maxErrorRate) {
    process.stderr.write(`${failed} of ${stored} attempts failed (${(errorRate * 100).toFixed(1)}%), over --max-error-rate ${flags.maxErrorRate}\n`);
    return exitCodes.failures;
  }
  return exitCodes.ok;
}
