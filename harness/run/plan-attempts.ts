import type { Suite, Task, TaskSource } from '../core/suite.ts';

/** One attempt to make: a task, a repeat index. The model is the lane's. */
export interface PlannedAttempt {
  readonly task: Task;
  readonly repeat: number;
}

/** Reads chunk `index` of a task source (directly, or through a cache shared by the models' plans). */
export type ReadTaskChunk = (source: TaskSource, index: number) => readonly Task[];

/** Number of attempts one model makes in the plan. */
export function countPlanned(suites: readonly Suite[], repeatsOverride: number | undefined): number {
  return suites.reduce((sum, suite) => sum + suite.tasks.count * (repeatsOverride ?? suite.repeats), 0);
}

/**
 * The attempts of one model in a stable order (suite, task, repeat), generated lazily, a chunk of
 * tasks at a time, so that a plan of millions of attempts never sits in memory.
 */
export function* planAttempts(suites: readonly Suite[], repeatsOverride: number | undefined, readChunk: ReadTaskChunk = (source, index) => source.readChunk(index)): Generator<PlannedAttempt> {
  for (const suite of suites) {
    const repeats = repeatsOverride ?? suite.repeats;
    for (let index = 0; index < suite.tasks.chunkCount; index += 1) {
      for (const task of readChunk(suite.tasks, index)) {
        for (let repeat = 0; repeat < repeats; repeat += 1) yield { task, repeat };
      }
    }
  }
}
