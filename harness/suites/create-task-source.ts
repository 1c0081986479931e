import type { Task, TaskSource } from '../core/suite.ts';

/** One chunk of a source: how many tasks it holds, and how to get them (again). */
export interface TaskChunkReader {
  readonly count: number;
  read(): readonly Task[];
}

/** A task source over chunks read in order (see {@link TaskSource}). */
export function createTaskSource(chunks: readonly TaskChunkReader[]): TaskSource {
  const count = chunks.reduce((sum, chunk) => sum + chunk.count, 0);
  return chunkedTaskSource(
    chunks.length,
    (index) => {
      const chunk = chunks[index];
      if (chunk === undefined) throw new RangeError(`no chunk ${index} of ${chunks.length}`);
      return chunk.read();
    },
    () => count,
  );
}

/**
 * A task source whose passes read `chunkCount` chunks through `readChunk`, in order. `count` is
 * asked only when the source's count is read: a source derived from another (a shard, an observed
 * source) may have to read every chunk to know it.
 */
export function chunkedTaskSource(chunkCount: number, readChunk: (index: number) => readonly Task[], count: () => number): TaskSource {
  return {
    get count() {
      return count();
    },
    chunkCount,
    readChunk,
    *[Symbol.iterator]() {
      for (let index = 0; index < chunkCount; index += 1) yield* readChunk(index);
    },
  };
}
