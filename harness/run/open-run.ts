import { randomBytes } from 'node:crypto';
import type { Provider } from '../core/provider-contract.ts';
import { InputError } from '../core/input-error.ts';
import { createDoneKeySet, type DoneKeys } from '../store/done-key-set.ts';
import { readDoneKeys } from '../store/read-done-keys.ts';
import { readRun } from '../store/read-run.ts';
import type { Store } from '../store/store.ts';
import { writePlanTables } from '../store/write-plan-tables.ts';
import { insertRun, setRunStatus } from '../store/write-run.ts';
import { countPlanned } from './plan-attempts.ts';
import { readBatonVersion, readGitRevision, readPackageVersions } from './read-provenance.ts';
import type { RunOptions } from './run-options.ts';
import { resolveHttpTransport } from '../providers/resolve-http-transport.ts';

/** A run ready to execute: new, or resumed with the keys it already stored. */
export interface OpenedRun {
  readonly runId: string;
  readonly planned: number;
  readonly done: DoneKeys;
  readonly resumed: boolean;
}

/** A sortable, readable run id: `r20261122-014501-3fa9`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Creates the run (provenance, tasks, models in one transaction) or reopens one to resume. */
export async function openRun(store: Store, options: RunOptions, providers: readonly Provider[]): Promise<OpenedRun> {
  const planned = countPlanned(options.suites, options.repeats) * providers.length;
  if (options.resumeRunId !== undefined) return reopenRun(store, options, planned);
  const runId = newRunId();
  const { config } = options;
  await store.connection.run('BEGIN TRANSACTION');
  try {
    await insertRun(store, {
      runId,
      status: 'running',
      startedAt: new Date(),
      finishedAt: null,
      seed: config.config.seed,
      simulated: providers.some((provider) => provider.simulated),
      plannedAttempts: planned,
      source: 'run',
      parentRunId: null,
      configFile: config.file,
      configHash: config.hash,
      suitePaths: options.suitePaths,
      suites: options.suites.map((suite) => ({ id: suite.id, version: String(suite.version), file: suite.file, hash: suite.hash })),
      gitRevision: readGitRevision(),
      packageVersions: readPackageVersions(),
      priceSnapshot: Object.fromEntries(config.config.models.map((model) => [model.id, model.price ?? null])),
      batonVersion: readBatonVersion(),
      // `http_transport`: how HTTP providers were reached (`node`, `fetch`, or `injected` by the caller), for comparing runs' latencies.
      options: { repeats: options.repeats ?? null, sim_time_scale: options.simTimeScale ?? 1, price_table: options.priceTable?.version ?? null, shard: options.shard ?? null, http_transport: options.fetch === undefined ? resolveHttpTransport(options.env ?? {}) : 'injected' },
    });
    const models = config.config.models.map((model, index) => ({ config: model, connectionKey: providers[index]?.connectionKey ?? '', simulated: providers[index]?.simulated ?? false }));
    await writePlanTables(store, runId, options.suites, models, options.repeats);
    await store.connection.run('COMMIT');
  } catch (error) {
    await store.connection.run('ROLLBACK');
    throw error;
  }
  return { runId, planned, done: createDoneKeySet(0), resumed: false };
}

async function reopenRun(store: Store, options: RunOptions, planned: number): Promise<OpenedRun> {
  const runId = options.resumeRunId ?? '';
  const run = await readRun(store, runId);
  const problem = (message: string, fix: string) => new InputError([{ file: store.path, path: `runs[${runId}]`, message, fix }]);
  if (run === undefined) throw problem(`no run \`${runId}\` in the database`, 'check the id (`baton runs` lists them) and the --out folder');
  if (run.status === 'completed') throw problem(`run \`${runId}\` is already complete`, 'start a new run instead of resuming');
  if (run.configHash !== options.config.hash) throw problem('the models config changed since the run started', 'resume with the same config, or start a new run');
  const stored = new Map(run.suites.map((suite) => [suite.id, suite.hash]));
  const changed = options.suites.filter((suite) => stored.get(suite.id) !== suite.hash).map((suite) => suite.id);
  if (changed.length > 0 || stored.size !== options.suites.length) {
    throw problem(`the suites changed since the run started (${changed.join(', ') || 'different set of suites'})`, 'resume with the same suite files, or start a new run');
  }
  if ((run.options.repeats ?? null) !== (options.repeats ?? null)) {
    throw problem(`the run used --repeats ${JSON.stringify(run.options.repeats ?? 'from the suites')}`, 'resume with the same --repeats');
  }
  if (JSON.stringify(run.options.shard ?? null) !== JSON.stringify(options.shard ?? null)) {
    const used = run.options.shard as { index?: number; count?: number } | null | undefined;
    throw problem(`the run used ${used ? `--shard ${used.index ?? '?'}/${used.count ?? '?'}` : 'no --shard'}`, 'resume with the same --shard');
  }
  await setRunStatus(store, runId, 'running');
  return { runId, planned, done: await readDoneKeys(store, runId), resumed: true };
}
