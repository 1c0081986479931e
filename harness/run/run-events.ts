import type { AttemptRecord } from '../core/attempt.ts';

/** What the runner reports while it works. Only the CLI draws; the runner only emits. */
export type RunEvent =
  | { readonly type: 'started'; readonly runId: string; readonly planned: number; readonly alreadyDone: number; readonly resumed: boolean }
  | { readonly type: 'attempt'; readonly record: AttemptRecord }
  | { readonly type: 'stopping'; readonly reason: 'interrupted' }
  | { readonly type: 'finished'; readonly runId: string };
