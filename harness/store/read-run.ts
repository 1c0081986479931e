import { z } from 'zod';
import type { Store } from './store.ts';
import type { RunRecord } from './run-record.ts';

const jsonText = <T extends z.ZodType>(schema: T) => z.string().transform((text) => schema.parse(JSON.parse(text)));

/** Rows read back are parsed at the boundary, like any other input. */
const RunRowSchema = z.object({
  run_id: z.string(),
  status: z.enum(['running', 'completed', 'interrupted', 'failed', 'budget_stopped']),
  started_at: z.date(),
  finished_at: z.date().nullable(),
  seed: z.union([z.bigint(), z.number()]).transform(Number),
  simulated: z.boolean(),
  planned_attempts: z.union([z.bigint(), z.number()]).transform(Number),
  source: z.enum(['run', 'import', 'rescore', 'merge']),
  parent_run_id: z.string().nullable(),
  config_file: z.string().nullable(),
  config_hash: z.string(),
  suite_paths: jsonText(z.array(z.string())),
  suites: jsonText(z.array(z.object({ id: z.string(), version: z.string(), file: z.string(), hash: z.string() }))),
  git_revision: z.string().nullable(),
  package_versions: jsonText(z.record(z.string(), z.string())),
  price_snapshot: jsonText(z.record(z.string(), z.object({ input: z.number(), output: z.number(), cached_input: z.number().optional(), cache_write: z.number().optional() }).nullable())),
  baton_version: z.string(),
  options: jsonText(z.record(z.string(), z.unknown())),
});

/** Reads one run, or `undefined` when the id is unknown. */
export async function readRun(store: Store, runId: string): Promise<RunRecord | undefined> {
  const reader = await store.connection.runAndReadAll('SELECT * FROM runs WHERE run_id = $runId', { runId });
  const row = reader.getRowObjectsJS()[0];
  if (row === undefined) return undefined;
  const run = RunRowSchema.parse(row);
  return {
    runId: run.run_id,
    status: run.status,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    seed: run.seed,
    simulated: run.simulated,
    plannedAttempts: run.planned_attempts,
    source: run.source,
    parentRunId: run.parent_run_id,
    configFile: run.config_file,
    configHash: run.config_hash,
    suitePaths: run.suite_paths,
    suites: run.suites,
    gitRevision: run.git_revision,
    packageVersions: run.package_versions,
    priceSnapshot: run.price_snapshot,
    batonVersion: run.baton_version,
    options: run.options,
  };
}
