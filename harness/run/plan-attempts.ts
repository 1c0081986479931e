import type { Suite, Task } from '../core/suite.ts';

/** One attempt to make: a task, a repeat index. The model is the lane's. */
export interface PlannedAttempt {
  readonly task: Task;
  readonly repeat: number;
}

/** Number of attempts one model makes in the plan. */
export function countPlanned(suites: readonly Suite[], repeatsOverride: number | undefined): number {
  return suites.reduce((sum, suite) => sum + suite.tasks.length * (repeatsOverride ?? suite.repeats), 0);
}

/**
 * The attempts of one model in a stable order (suite, task, repeat), generated lazily so
 * that a plan of millions of attempts never sits in memory.
 */
export function* planAttempts(suites: readonly Suite[], repeatsOverride: number | undefined): Generator<PlannedAttempt> {
  for (const suite of suites) {
    const repeats = repeatsOverride ?? suite.repeats;
    for (const task of suite.tasks) {
      for (let repeat = 0; repeat < repeats; repeat += 1) yield { task, repeat };
    }
  }
}
