import type { Suite, Task, TaskSource } from '../core/suite.ts';
import { chunkedTaskSource } from '../suites/create-task-source.ts';

/** Suites whose tasks are each handed to an observer once, on whatever pass reads them first. */
export interface ObservedSuites {
  readonly suites: readonly Suite[];
  /** Reads what no pass has read yet, so that the observer has seen every task. */
  complete(): void;
}

/**
 * Lets one pass over the tasks serve two purposes: what must see every task (the simulator's survey)
 * rides on the pass that writes the tasks table, and reads on its own only what that pass did not
 * (a resumed run writes no tasks; a shard's pass still reads every chunk of its suites).
 */
export function observeTaskChunks(suites: readonly Suite[], observe: (task: Task) => void): ObservedSuites {
  const sources = suites.map((suite) => observeSource(suite.tasks, observe));
  return {
    suites: suites.map((suite, index) => ({ ...suite, tasks: sources[index]?.source ?? suite.tasks })),
    complete: () => sources.forEach(({ complete }) => complete()),
  };
}

function observeSource(source: TaskSource, observe: (task: Task) => void): { source: TaskSource; complete: () => void } {
  const seen = new Uint8Array(source.chunkCount);
  const readChunk = (index: number): readonly Task[] => {
    const tasks = source.readChunk(index);
    if (seen[index] === 0) tasks.forEach(observe);
    seen[index] = 1;
    return tasks;
  };
  return {
    source: chunkedTaskSource(source.chunkCount, readChunk, () => source.count),
    complete() {
      for (let index = 0; index < seen.length; index += 1) if (seen[index] === 0) readChunk(index);
    },
  };
}
