import { createHash } from 'node:crypto';
import type { Suite } from '../core/suite.ts';

/** `--shard i/n`: this process runs slice `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Which shard a task belongs to: a hash of (suite, task), so that every model and repeat of a
 * task lands in the same shard (paired comparisons stay within one job), and adding or removing
 * other tasks never moves a task to another shard.
 */
export function shardOfTask(suiteId: string, taskId: string, count: number): number {
  const digest = createHash('sha256').update(`${suiteId}\u0000${taskId}`).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The suites with only the tasks of `shard`; every suite is kept, possibly empty, so that run provenance is unchanged. */
export function selectShard(suites: readonly Suite[], shard: Shard | undefined): readonly Suite[] {
  if (shard === undefined) return suites;
  return suites.map((suite) => ({ ...suite, tasks: suite.tasks.filter((task) => shardOfTask(suite.id, task.id, shard.count) === shard.index) }));
}
