import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../core/attempt.ts';
import { createAttemptWriter } from './attempt-writer.ts';
import { openStore } from './open-store.ts';
import type { Store } from './store.ts';
import { readPassAtK } from './read-pass-at-k.ts';
import { readTaskFlakiness } from './read-task-flakiness.ts';

const base: AttemptRecord = {
  runId: 'r1', suiteId: 's', taskId: 't', modelId: 'm', repeat: 0, status: 'ok', output: 'x', score: 1, passed: true, extracted: null, explanation: null,
  finishReason: 'stop', inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: null, reasoningTokens: null, costUsd: 0, latencyMs: 1, ttftMs: 1,
  retries: 0, errorCode: null, errorMessage: null, startedAt: new Date(0), finishedAt: new Date(0),
};

/** Writes `outcomes` (true = pass, false = fail, 'error' = failed call) as the repeats of one task. */
async function seed(store: Store, rows: readonly { model: string; task: string; category: string; outcomes: readonly (boolean | 'error')[] }[]) {
  const writer = await createAttemptWriter(store);
  for (const { model, task, outcomes } of rows) {
    outcomes.forEach((outcome, repeat) => {
      if (outcome === 'error') writer.add({ ...base, modelId: model, taskId: task, repeat, status: 'error', output: null, score: null, passed: null, errorCode: 'server_error' });
      else writer.add({ ...base, modelId: model, taskId: task, repeat, passed: outcome, score: outcome ? 1 : 0 });
    });
  }
  writer.close();
  for (const { task, category } of new Map(rows.map((row) => [row.task, row])).values()) {
    await store.connection.run(`INSERT INTO tasks VALUES ('r1', 's', $task, '1', $category, []::VARCHAR[], NULL, 'p', 'h', NULL, '{}', 5)`, { task, category });
  }
}

describe('repeat statistics', () => {
  it('computes pass@k and pass^k per task exactly as the closed forms, averaged over tasks', async () => {
    const store = await openStore(':memory:');
    await seed(store, [
      // n = 5, c = 2: pass@2 = 1 − C(3,2)/C(5,2) = 0.7, pass^2 = C(2,2)/C(5,2) = 0.1, pass@1 = 0.4.
      { model: 'm', task: 't1', category: 'a', outcomes: [true, false, true, false, false] },
      // n = 4 answered (one error left out), c = 1: pass@2 = 1 − C(3,2)/C(4,2) = 0.5, pass^2 = 0, pass@3 = 1 − 1/4.
      { model: 'm', task: 't2', category: 'b', outcomes: [false, 'error', true, false, false] },
      // Always right: 1 and 1 for every k.
      { model: 'm', task: 't3', category: 'b', outcomes: [true, true, true, true, true] },
    ]);
    const rows = await readPassAtK(store, 'r1', [1, 2, 3, 5]);
    const at = (k: number) => rows.find((row) => row.k === k);
    expect(at(1)).toMatchObject({ model_id: 'm', category: null, tasks: 3 });
    expect(at(1)?.pass_at_k).toBeCloseTo((0.4 + 0.25 + 1) / 3, 12);
    expect(at(1)?.pass_hat_k).toBeCloseTo((0.4 + 0.25 + 1) / 3, 12);
    expect(at(2)?.pass_at_k).toBeCloseTo((0.7 + 0.5 + 1) / 3, 12);
    expect(at(2)?.pass_hat_k).toBeCloseTo((0.1 + 0 + 1) / 3, 12);
    expect(at(3)?.pass_at_k).toBeCloseTo((1 - 1 / 10 + 0.75 + 1) / 3, 12);
    // k = 5: t2 has only 4 answered samples and drops out; t1 = 1 (n − c < k), pass^5 = 0.
    expect(at(5)).toMatchObject({ tasks: 2 });
    expect(at(5)?.pass_at_k).toBeCloseTo(1, 12);
    expect(at(5)?.pass_hat_k).toBeCloseTo(0.5, 12);
    const byCategory = await readPassAtK(store, 'r1', [2], 'category');
    expect(byCategory.map((row) => [row.category, row.tasks])).toEqual([['a', 1], ['b', 2]]);
    expect(byCategory[1]?.pass_at_k).toBeCloseTo(0.75, 12);
    await expect(readPassAtK(store, 'r1', [0])).rejects.toThrow('Expected `k` to be an integer ≥ 1, got `0`');
    store.close();
  });

  it('ranks tasks by flakiness 4·p·(1 − p) and leaves single samples out', async () => {
    const store = await openStore(':memory:');
    await seed(store, [
      { model: 'm', task: 'steady', category: 'a', outcomes: [true, true, true, true] },
      { model: 'm', task: 'coin', category: 'a', outcomes: [true, false, true, false] },
      { model: 'm', task: 'mostly', category: 'a', outcomes: [true, true, true, false] },
      { model: 'm', task: 'once', category: 'a', outcomes: [true] },
    ]);
    const rows = await readTaskFlakiness(store, 'r1');
    store.close();
    expect(rows.map((row) => [row.task_id, row.flaky, row.flakiness])).toEqual([
      ['coin', true, 1],
      ['mostly', true, 0.75],
      ['steady', false, 0],
    ]);
    expect(rows[1]).toMatchObject({ n: 4, c: 3, pass_rate: 0.75 });
  });
});
