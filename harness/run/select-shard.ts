import { createHash } from 'node:crypto';
import type { Suite, SuiteScorer, Task } from '../core/suite.ts';
import { chunkedTaskSource } from '../suites/create-task-source.ts';

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

/**
 * The suites with only the tasks of `shard`; every suite is kept, possibly empty, so that run
 * provenance is unchanged. A pass filters the suite's own pass chunk by chunk (a chunk of the shard
 * is a chunk of the suite); the shard's task count and scorers take one pass, the first time
 * either is asked for.
 */
export function selectShard(suites: readonly Suite[], shard: Shard | undefined): readonly Suite[] {
  if (shard === undefined) return suites;
  return suites.map((suite) => {
    const readChunk = (index: number) => suite.tasks.readChunk(index).filter((task) => shardOfTask(suite.id, task.id, shard.count) === shard.index);
    let summary: { count: number; scorers: SuiteScorer[] } | undefined;
    const summarize = () => (summary ??= summarizeTasks(suite.tasks.chunkCount, readChunk));
    return {
      ...suite,
      tasks: chunkedTaskSource(suite.tasks.chunkCount, readChunk, () => summarize().count),
      get scorers() {
        return summarize().scorers;
      },
    };
  });
}

/** How many tasks, and their distinct scorer specs in order of first use (tasks share one object per distinct spec). */
function summarizeTasks(chunkCount: number, readChunk: (index: number) => readonly Task[]): { count: number; scorers: SuiteScorer[] } {
  const seen = new Set<object>();
  const scorers: SuiteScorer[] = [];
  let count = 0;
  for (let index = 0; index < chunkCount; index += 1) {
    for (const task of readChunk(index)) {
      count += 1;
      if (!seen.has(task.scorer)) scorers.push({ spec: task.scorer, taskId: task.id });
      seen.add(task.scorer);
    }
  }
  return { count, scorers };
}
