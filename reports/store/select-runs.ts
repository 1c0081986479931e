import { z } from 'zod';
import type { RunSummary } from '../report-data.ts';
import { ReportInputError } from '../report-input-error.ts';
import { countValue } from './sql-values.ts';
import { queryRows } from './query-rows.ts';
import type { ReportStore } from './report-store.ts';

/** Which runs a report covers. */
export interface RunSelection {
  /** Named runs; the last one named is the subject. */
  readonly runIds?: readonly string[] | undefined;
  /** The latest N runs (ignored when `runIds` is given). */
  readonly last?: number | undefined;
}

const RunRowSchema = z.object({
  run_id: z.string(),
  status: z.string(),
  started_at: z.date(),
  finished_at: z.date().nullable(),
  simulated: z.boolean(),
  seed: countValue,
  source: z.string(),
  git_revision: z.string().nullable(),
  baton_version: z.string(),
  suites: z.string().transform((text) => z.array(z.object({ id: z.string(), version: z.string() })).parse(JSON.parse(text))),
  models: z.array(z.string()).nullable().transform((models) => models ?? []),
  attempts: countValue,
});

/**
 * Resolves a selection to runs, oldest first, and the subject (the run the tables describe):
 * the last run named, else the latest. With no selection, the latest run alone.
 */
export async function selectRuns(store: ReportStore, selection: RunSelection): Promise<{ runs: RunSummary[]; subject: RunSummary }> {
  const all = (await readRunSummaries(store)).sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
  if (all.length === 0) throw new ReportInputError(`no runs in ${store.path}. Fix: run \`baton run\` or \`baton demo\` first`);
  const named = selection.runIds ?? [];
  if (named.length > 0) {
    const byId = new Map(all.map((run) => [run.runId, run]));
    const missing = named.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new ReportInputError(`no run ${missing.map((id) => `\`${id}\``).join(', ')} in ${store.path}. Fix: check the run id (latest: \`${all.at(-1)?.runId ?? ''}\`)`);
    const runs = all.filter((run) => named.includes(run.runId));
    return { runs, subject: byId.get(named.at(-1) ?? '') ?? (runs.at(-1) as RunSummary) };
  }
  const count = selection.last ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new ReportInputError(`Expected \`last\` to be an integer ≥ 1, got \`${count}\``);
  const runs = all.slice(-count);
  return { runs, subject: runs.at(-1) as RunSummary };
}

/** Every run with what the report header needs. */
export async function readRunSummaries(store: ReportStore): Promise<RunSummary[]> {
  const rows = await queryRows(
    store.connection,
    `SELECT r.run_id, r.status, r.started_at, r.finished_at, r.seed, r.source, r.git_revision, r.baton_version, r.suites,
            r.simulated OR coalesce((SELECT bool_or(m.simulated) FROM run_models m WHERE m.run_id = r.run_id), false) AS simulated,
            (SELECT list(m.model_id ORDER BY m.model_id) FROM run_models m WHERE m.run_id = r.run_id) AS models,
            (SELECT count(*) FROM attempts a WHERE a.run_id = r.run_id) AS attempts
       FROM runs r`,
    {},
    RunRowSchema,
  );
  return rows.map((row) => ({
    runId: row.run_id,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    simulated: row.simulated,
    seed: row.seed,
    source: row.source,
    gitRevision: row.git_revision,
    batonVersion: row.baton_version,
    suites: row.suites,
    models: row.models,
    attempts: row.attempts,
  }));
}
