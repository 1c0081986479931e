import { InputError } from '../core/input-error.ts';
import { newRunId } from '../run/open-run.ts';
import { readBatonVersion } from '../run/read-provenance.ts';
import type { Store } from '../store/store.ts';
import type { InputFile } from './list-input-files.ts';
import { checkDuplicateAttempts, loadExportedRows, readExportedRuns, type ExportedRun } from './load-exported-rows.ts';
import { restoreExportedRun } from './restore-exported-run.ts';

/** What a merge wrote. */
export interface MergeOutcome {
  readonly runId: string;
  readonly attempts: number;
  readonly sources: readonly { file: string; runId: string; shard: string | null }[];
  /** Shard numbers (1-based) of `--shard i/n` that none of the files holds; empty when complete. */
  readonly missingShards: readonly number[];
}

/**
 * Merges exports of shards of one run (or of any runs of the same suites and config) into one new
 * run with source `merge`. Refuses files of different suites, configs, seeds or options, the same
 * shard twice, and any attempt stored twice; nothing is written unless every check passes.
 */
export async function mergeExports(store: Store, files: readonly InputFile[]): Promise<MergeOutcome> {
  const twice = files.find((file, index) => files.findIndex((other) => other.sha256 === file.sha256) !== index);
  if (twice !== undefined) throw new InputError([{ file: twice.path, path: '', message: `is the same file as ${files.find((file) => file.sha256 === twice.sha256)?.path ?? ''}`, fix: 'merge each shard once' }]);
  await loadExportedRows(store, files);
  const runs = await readExportedRuns(store);
  checkCompatible(runs);
  const shards = runs.map((run) => shardOf(run));
  const seen = new Map<number, string>();
  runs.forEach((run, index) => {
    const shard = shards[index];
    if (shard === undefined || shard === null) return;
    const other = seen.get(shard.index);
    if (other !== undefined && other !== run.file) throw problem(run, `holds shard ${shard.index}/${shard.count}, as does ${other}`, 'merge each shard once');
    seen.set(shard.index, run.file);
  });
  await checkDuplicateAttempts(store);
  const count = shards.find((shard) => shard !== null && shard !== undefined)?.count;
  const missingShards = count === undefined ? [] : Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  const base = runs[0];
  if (base === undefined) throw new InputError([{ file: files.map((file) => file.path).join(', '), path: '', message: 'no attempts to merge', fix: 'pass files written by `baton export-results`' }]);
  const runId = newRunId();
  const options = Object.fromEntries(Object.entries(base.options).filter(([key]) => !perShardOptions.has(key)));
  // Shards may reach their providers differently (it changes latencies, never answers): one value, or `mixed`.
  const transports = new Set(runs.map((run) => run.options.http_transport));
  if (transports.size > 1) options.http_transport = 'mixed';
  else if (base.options.http_transport !== undefined) options.http_transport = base.options.http_transport;
  const complete = missingShards.length === 0 && runs.every((run) => run.status === 'completed');
  await restoreExportedRun(store, {
    runId, status: 'running', startedAt: new Date(), finishedAt: null, seed: base.seed, simulated: runs.some((run) => run.simulated),
    plannedAttempts: runs.reduce((sum, run) => sum + run.planned, 0), source: 'merge', parentRunId: null, configFile: base.configFile, configHash: base.configHash,
    suitePaths: JSON.parse(base.suitePaths) as string[], suites: JSON.parse(base.suites) as RunSuites, gitRevision: base.gitRevision,
    packageVersions: JSON.parse(base.packageVersions) as Record<string, string>, priceSnapshot: JSON.parse(base.priceSnapshot) as PriceSnapshot, batonVersion: readBatonVersion(),
    options: { ...options, merged_from: runs.map((run, index) => ({ file: run.file, sha256: files.find((file) => file.path === run.file)?.sha256 ?? null, run_id: run.runId, shard: shards[index] ?? null })), missing_shards: missingShards },
  }, complete ? 'completed' : 'interrupted');
  const [row] = (await store.connection.runAndReadAll('SELECT count(*) AS n FROM attempts WHERE run_id = $runId', { runId })).getRowObjectsJS();
  return { runId, attempts: Number(row?.n ?? 0), sources: runs.map((run, index) => ({ file: run.file, runId: run.runId, shard: formatShard(shards[index]) })), missingShards };
}

type RunSuites = { id: string; version: string; file: string; hash: string }[];
type PriceSnapshot = Record<string, { input: number; output: number } | null>;

/** Options each shard may set for itself: the shard, and how its machine reached the providers. */
const perShardOptions = new Set(['shard', 'http_transport']);

function checkCompatible(runs: readonly ExportedRun[]): void {
  const base = runs[0];
  if (base === undefined) return;
  const withoutShard = (run: ExportedRun) => JSON.stringify(Object.entries(run.options).filter(([key]) => !perShardOptions.has(key)).sort(([a], [b]) => (a < b ? -1 : 1)));
  for (const run of runs.slice(1)) {
    if (run.suites !== base.suites) throw problem(run, `comes from other suites than ${base.file} (${suiteList(run)} vs ${suiteList(base)})`, 'merge only shards of one run: same suite files');
    if (run.configHash !== base.configHash) throw problem(run, `comes from another models config than ${base.file} (config hash ${run.configHash.slice(0, 12)} vs ${base.configHash.slice(0, 12)})`, 'merge only shards run with the same config');
    if (run.seed !== base.seed) throw problem(run, `has seed ${run.seed}, ${base.file} has ${base.seed}`, 'merge only shards run with the same seed');
    if (withoutShard(run) !== withoutShard(base)) throw problem(run, `was run with other options than ${base.file} (${withoutShard(run)} vs ${withoutShard(base)})`, 'merge only shards run with the same --repeats and options');
    const [shard, baseShard] = [shardOf(run), shardOf(base)];
    if ((shard?.count ?? null) !== (baseShard?.count ?? null)) throw problem(run, `is ${formatShard(shard) ?? 'not a shard'}, ${base.file} is ${formatShard(baseShard) ?? 'not a shard'}`, 'merge shards of one split (--shard i/n with the same n)');
  }
}

function suiteList(run: ExportedRun): string {
  return (JSON.parse(run.suites) as RunSuites).map((suite) => `${suite.id}@${suite.hash.slice(0, 8)}`).join(', ');
}

function shardOf(run: ExportedRun): { index: number; count: number } | null {
  const shard = run.options.shard as { index?: unknown; count?: unknown } | null | undefined;
  if (shard === null || shard === undefined || typeof shard.index !== 'number' || typeof shard.count !== 'number') return null;
  return { index: shard.index, count: shard.count };
}

function formatShard(shard: { index: number; count: number } | null | undefined): string | null {
  return shard === null || shard === undefined ? null : `shard ${shard.index}/${shard.count}`;
}

function problem(run: ExportedRun, message: string, fix: string): InputError {
  return new InputError([{ file: run.file, path: `run ${run.runId}`, message, fix }]);
}
