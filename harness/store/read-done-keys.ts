import type { Store } from './store.ts';

/** The key of an attempt as one string, for set membership. */
export function attemptKeyString(suiteId: string, taskId: string, modelId: string, repeat: number): string {
  return `${suiteId}\u0000${taskId}\u0000${modelId}\u0000${repeat}`;
}

/** Keys of the attempts a run already stored: a resumed run skips them. */
export async function readDoneKeys(store: Store, runId: string): Promise<Set<string>> {
  const reader = await store.connection.runAndReadAll(
    'SELECT suite_id, task_id, model_id, repeat_index FROM attempts WHERE run_id = $runId',
    { runId },
  );
  const done = new Set<string>();
  for (const [suiteId, taskId, modelId, repeat] of reader.getRowsJS()) {
    done.add(attemptKeyString(suiteId as string, taskId as string, modelId as string, Number(repeat)));
  }
  return done;
}
