import { InputError } from '../core/input-error.ts';
import { readBatonVersion } from '../run/read-provenance.ts';
import type { Store } from '../store/store.ts';
import type { InputFile } from './list-input-files.ts';
import { checkDuplicateAttempts, loadExportedRows, readExportedRuns } from './load-exported-rows.ts';
import { restoreExportedRun } from './restore-exported-run.ts';

/**
 * Imports baton's own export (`baton export-results`) as a new run whose parent is the exported
 * run. The simulated flag is kept: a run of simulated models stays marked as such wherever it goes.
 * Files holding several runs are refused; `baton merge` combines runs.
 */
export async function importBatonExport(store: Store, files: readonly InputFile[], runId: string, provenance: Record<string, unknown>): Promise<void> {
  await loadExportedRows(store, files);
  const runs = await readExportedRuns(store);
  const ids = [...new Set(runs.map((run) => run.runId))];
  const base = runs[0];
  if (base === undefined) throw new InputError([{ file: files.map((file) => file.path).join(', '), path: '', message: 'no attempts to import', fix: 'export a run with attempts' }]);
  if (ids.length > 1) throw new InputError([{ file: files.map((file) => file.path).join(', '), path: '', message: `the files hold ${ids.length} runs (${ids.join(', ')})`, fix: 'import one run at a time, or combine shards with `baton merge`' }]);
  await checkDuplicateAttempts(store);
  await restoreExportedRun(store, {
    runId, status: 'running', startedAt: new Date(), finishedAt: null, seed: base.seed, simulated: base.simulated, plannedAttempts: base.planned,
    source: 'import', parentRunId: base.runId, configFile: base.configFile, configHash: base.configHash, suitePaths: JSON.parse(base.suitePaths) as string[],
    suites: JSON.parse(base.suites) as { id: string; version: string; file: string; hash: string }[], gitRevision: base.gitRevision,
    packageVersions: JSON.parse(base.packageVersions) as Record<string, string>, priceSnapshot: JSON.parse(base.priceSnapshot) as Record<string, { input: number; output: number } | null>,
    batonVersion: readBatonVersion(), options: { ...base.options, import: provenance },
  }, base.status === 'completed' ? 'completed' : 'interrupted');
}
