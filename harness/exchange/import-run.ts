import { readExcludedPrompts } from './read-excluded-prompts.ts';
import { newRunId } from '../run/open-run.ts';
import type { Store } from '../store/store.ts';
import { checkStagedRows } from './check-staged-rows.ts';
import { importBatonExport } from './import-baton-export.ts';
import type { ImportFormat, ImportOptions, ImportOutcome } from './import-options.ts';
import { listInputFiles, type InputFile } from './list-input-files.ts';
import { stageCollector } from './stage-collector.ts';
import { stageLong } from './stage-long.ts';
import { stageRouteLlm } from './stage-routellm.ts';
import { stageRouterBench } from './stage-routerbench.ts';
import { createStagedRowsSql, stagedRowsTable, type SourceColumns } from './staged-rows.ts';
import { writeStagedRun } from './write-staged-run.ts';

type Stager = (store: Store, files: readonly InputFile[], options: ImportOptions) => Promise<SourceColumns>;

/** Each format's reader; the compiler complains when a format has none. */
const stagers: Record<Exclude<ImportFormat, 'baton'>, { extensions: string[]; stage: Stager }> = {
  routerbench: { extensions: ['.csv', '.parquet'], stage: stageRouterBench },
  routellm: { extensions: ['.csv'], stage: stageRouteLlm },
  collector: { extensions: ['.json'], stage: stageCollector },
  long: { extensions: ['.csv', '.parquet'], stage: stageLong },
};

/**
 * Imports per-prompt outcomes recorded elsewhere as one completed run (source `import`, the
 * files and their hashes in `runs.options.import`). Files are staged and checked first, then
 * written in one transaction: a bad file is an input error and leaves the database unchanged.
 */
export async function importRun(store: Store, options: ImportOptions): Promise<ImportOutcome> {
  const files = listInputFiles(options.paths, options.format === 'baton' ? ['.parquet', '.csv'] : stagers[options.format].extensions);
  const runId = newRunId();
  const provenance = {
    format: options.format, files: files.map((file) => ({ path: file.path, sha256: file.sha256 })), category_from: options.categoryFrom ?? null, name: options.name ?? null,
    exclude_prompts: options.excludePrompts ?? null, columns: options.long ?? null,
  };
  if (options.format === 'baton') {
    await importBatonExport(store, files, runId, provenance);
    return { runId, ...(await countRun(store, runId)), excluded: 0 };
  }
  await store.connection.run(createStagedRowsSql);
  try {
    const sources = await stagers[options.format].stage(store, files, options);
    const excluded = options.excludePrompts === undefined ? 0 : await excludePrompts(store, readExcludedPrompts(options.excludePrompts));
    await checkStagedRows(store, sources, options.paths);
    await writeStagedRun(store, runId, { ...provenance, excluded }, options.paths);
    return { runId, ...(await countRun(store, runId)), excluded };
  } finally {
    await store.connection.run(`DROP TABLE IF EXISTS ${stagedRowsTable}`);
  }
}

async function excludePrompts(store: Store, prompts: readonly string[]): Promise<number> {
  await store.connection.run('CREATE OR REPLACE TEMP TABLE excluded_prompts (prompt VARCHAR)');
  const appender = await store.connection.createAppender('excluded_prompts');
  for (const prompt of prompts) {
    appender.appendVarchar(prompt);
    appender.endRow();
  }
  appender.closeSync();
  const reader = await store.connection.runAndReadAll(`DELETE FROM ${stagedRowsTable} WHERE prompt IN (SELECT prompt FROM excluded_prompts) RETURNING 1`);
  await store.connection.run('DROP TABLE excluded_prompts');
  return reader.getRowObjectsJS().length;
}

async function countRun(store: Store, runId: string): Promise<{ attempts: number; tasks: number; models: number }> {
  const reader = await store.connection.runAndReadAll(
    'SELECT (SELECT count(*) FROM attempts WHERE run_id = $runId) AS attempts, (SELECT count(*) FROM tasks WHERE run_id = $runId) AS tasks, (SELECT count(*) FROM run_models WHERE run_id = $runId) AS models',
    { runId },
  );
  const row = reader.getRowObjectsJS()[0];
  return { attempts: Number(row?.attempts ?? 0), tasks: Number(row?.tasks ?? 0), models: Number(row?.models ?? 0) };
}
