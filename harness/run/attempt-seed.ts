import { hash32 } from '../sim/hash-random.ts';

/**
 * The sampling seed of one attempt, from (run seed, suite, task, repeat): repeats are independent
 * samples, and the same attempt gets the same seed in every run with that run seed. The model is
 * left out on purpose, so that every model sees the same seed for the same attempt.
 */
export function attemptSeed(runSeed: number, suiteId: string, taskId: string, repeat: number): number {
  return hash32(runSeed, suiteId, taskId, repeat);
}
