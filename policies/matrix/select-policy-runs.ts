import { z } from 'zod';
import { InputError } from '../../harness/core/input-error.ts';
import { readRun } from '../../harness/store/read-run.ts';
import type { RunRecord } from '../../harness/store/run-record.ts';
import type { Store } from '../../harness/store/store.ts';

/**
 * The runs a policy learns from: the ones named, in the order named, or else the latest run.
 * An unknown id is an input error naming it and the latest id.
 */
export async function selectPolicyRuns(store: Store, runIds: readonly string[] = []): Promise<RunRecord[]> {
  const reader = await store.connection.runAndReadAll('SELECT run_id FROM runs ORDER BY started_at, run_id');
  const all = reader.getRowsJS().map((row) => z.string().parse(row[0]));
  const latest = all.at(-1);
  if (latest === undefined) {
    throw new InputError([{ file: store.path, path: '', message: 'the database holds no runs', fix: 'run `baton run` or `baton demo` first, or pass the right --db' }]);
  }
  const wanted = runIds.length > 0 ? [...new Set(runIds)] : [latest];
  const missing = wanted.filter((id) => !all.includes(id));
  if (missing.length > 0) {
    throw new InputError(missing.map((id) => ({ file: store.path, path: `runs[${id}]`, message: `no run \`${id}\` in the database`, fix: `check the id (latest: \`${latest}\`)` })));
  }
  const runs: RunRecord[] = [];
  for (const id of wanted) {
    const run = await readRun(store, id);
    if (run !== undefined) runs.push(run);
  }
  return runs;
}
