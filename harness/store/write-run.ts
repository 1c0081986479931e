import type { Store } from './store.ts';
import type { RunRecord, RunStatus } from './run-record.ts';

/** Inserts a new run row. */
export async function insertRun(store: Store, run: RunRecord): Promise<void> {
  await store.connection.run(
    `INSERT INTO runs VALUES ($runId, $status, $startedAt::TIMESTAMP, NULL, $seed, $simulated, $planned, $source, $parent,
      $configFile, $configHash, $suitePaths, $suites, $git, $packages, $prices, $version, $options)`,
    {
      runId: run.runId,
      status: run.status,
      startedAt: run.startedAt.toISOString(),
      seed: run.seed,
      simulated: run.simulated,
      planned: run.plannedAttempts,
      source: run.source,
      parent: run.parentRunId,
      configFile: run.configFile,
      configHash: run.configHash,
      suitePaths: JSON.stringify(run.suitePaths),
      suites: JSON.stringify(run.suites),
      git: run.gitRevision,
      packages: JSON.stringify(run.packageVersions),
      prices: JSON.stringify(run.priceSnapshot),
      version: run.batonVersion,
      options: JSON.stringify(run.options),
    },
  );
}

/** Records how a run ended (or that it is running again, on resume). */
export async function setRunStatus(store: Store, runId: string, status: RunStatus): Promise<void> {
  const finished = status === 'running' ? 'NULL' : 'current_timestamp';
  await store.connection.run(`UPDATE runs SET status = $status, finished_at = ${finished} WHERE run_id = $runId`, { status, runId });
}
