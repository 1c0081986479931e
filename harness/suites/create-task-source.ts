import type { Task, TaskSource } from '../core/suite.ts';

/** One chunk of a source: how many tasks it holds, and how to get them (again). */
export interface TaskChunkReader {
  readonly count: number;
  read(): readonly Task[];
}

/** A task source over chunks read in order (see {@link TaskSource}). */
export function createTaskSource(chunks: readonly TaskChunkReader[]): TaskSource {
  const count = chunks.reduce((sum, chunk) => sum + chunk.count, 0);
  const readChunk = (index: number): readonly Task[] => {
    const chunk = chunks[index];
    if (chunk === undefined) throw new RangeError(`no chunk ${index} of ${chunks.length}`);
    return chunk.read();
  };
  return {
    count,
    chunkCount: chunks.length,
    readChunk,
    *[Symbol.iterator]() {
      for (let index = 0; index < chunks.length; index += 1) yield* readChunk(index);
    },
  };
}

/** Tasks already in memory as a source of one chunk (inline tasks, tests). */
export function taskSourceOf(tasks: readonly Task[]): TaskSource {
  return createTaskSource(tasks.length === 0 ? [] : [{ count: tasks.length, read: () => tasks }]);
}
