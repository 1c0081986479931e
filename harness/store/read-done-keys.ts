import { createDoneKeySet, type DoneKeys } from './done-key-set.ts';
import type { Store } from './store.ts';

/** Keys of the attempts a run already stored, streamed from the store: a resumed run skips them. */
export async function readDoneKeys(store: Store, runId: string): Promise<DoneKeys> {
  const counted = await store.connection.runAndReadAll('SELECT count(*) AS n FROM attempts WHERE run_id = $runId', { runId });
  const done = createDoneKeySet(Number(counted.getRowObjectsJS()[0]?.n ?? 0));
  const result = await store.connection.stream('SELECT suite_id, task_id, model_id, repeat_index FROM attempts WHERE run_id = $runId', { runId });
  for await (const rows of result.yieldRowsJs()) {
    for (const [suiteId, taskId, modelId, repeat] of rows) done.add(suiteId as string, taskId as string, modelId as string, Number(repeat));
  }
  return done;
}
