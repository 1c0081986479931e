import type { Task, TaskSource } from '../core/suite.ts';
import type { ReadTaskChunk } from './plan-attempts.ts';

/**
 * The last `capacity` chunks read, shared by the plans of a run's models: each model goes through
 * the same tasks, and models that keep about the same pace (zero-latency simulated models take
 * turns of ~20 ms, see `createEventLoopYield`) read, parse and check each chunk once between them
 * instead of once each: one pass over the task files for all the models' plans. A model further
 * behind reads its chunks again; it never holds the others back, and memory stays bounded.
 */
export function createChunkCache(capacity: number): ReadTaskChunk {
  // Most recently used last; a handful of entries, searched linearly once per chunk (not per task).
  const entries: { source: TaskSource; index: number; tasks: readonly Task[] }[] = [];
  return (source, index) => {
    const at = entries.findIndex((entry) => entry.source === source && entry.index === index);
    const entry = at === -1 ? { source, index, tasks: source.readChunk(index) } : entries.splice(at, 1)[0]!;
    entries.push(entry);
    if (entries.length > capacity) entries.shift();
    return entry.tasks;
  };
}
