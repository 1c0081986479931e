import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../core/attempt.ts';
import type { JudgmentRecord } from '../core/judgment.ts';
import { createAttemptWriter } from './attempt-writer.ts';
import { createJudgmentWriter } from './judgment-writer.ts';
import { openStore } from './open-store.ts';
import { readAttemptPage } from './read-attempts.ts';
import { readJudgments } from './read-judgments.ts';
import { summarizeJudgeAgreement, summarizeJudgeCosts } from './summarize-judgments.ts';

const attempt: AttemptRecord = {
  runId: 'r1', suiteId: 's', taskId: 't1', modelId: 'm', repeat: 0, status: 'ok', output: '{"a":1}', score: 0.5, passed: false, extracted: '{"a":1}', explanation: '1/2 fields match',
  checkPassed: true, finishReason: 'stop', inputTokens: 10, outputTokens: 5, cachedInputTokens: null, cacheWriteTokens: null, reasoningTokens: null, costUsd: 0.0001, latencyMs: 12.5, ttftMs: null,
  retries: 1, errorCode: null, errorMessage: null, startedAt: new Date('2026-01-02T03:04:05.678Z'), finishedAt: new Date('2026-01-02T03:04:06.000Z'),
};

const judgment: JudgmentRecord = {
  runId: 'r1', suiteId: 's', taskId: 't1', modelId: 'm', repeat: 0, judgeIndex: 0, judgeModelId: 'judge-a', promptHash: 'abc', status: 'ok', output: '{"score": 4}', verdict: 4, score: 0.75,
  reasoning: 'fine', inputTokens: 300, outputTokens: 20, reasoningTokens: null, costUsd: 0.002, latencyMs: 40, retries: 0, errorCode: null, errorMessage: null, createdAt: new Date('2026-01-02T03:04:07.000Z'),
};

describe('scoring tables', () => {
  it('round-trips attempts with their check, leaving it NULL when absent', async () => {
    const store = await openStore(':memory:');
    const writer = await createAttemptWriter(store);
    writer.add(attempt);
    writer.add({ ...attempt, taskId: 't2', checkPassed: false });
    const { checkPassed, ...withoutCheck } = attempt;
    expect(checkPassed).toBe(true);
    writer.add({ ...withoutCheck, taskId: 't3', status: 'error', errorCode: 'scorer_error', errorMessage: 'custom scorer threw', score: null, passed: null });
    writer.close();
    const page = await readAttemptPage(store.connection, 'r1', undefined, 2);
    const rest = await readAttemptPage(store.connection, 'r1', page.at(-1), 2);
    store.close();
    expect(page).toEqual([attempt, { ...attempt, taskId: 't2', checkPassed: false }]);
    expect(rest).toEqual([{ ...attempt, taskId: 't3', status: 'error', errorCode: 'scorer_error', errorMessage: 'custom scorer threw', score: null, passed: null, checkPassed: null }]);
  });

  it('stores judge calls apart, sums their cost per judge and measures panel agreement', async () => {
    const store = await openStore(':memory:');
    const writer = await createJudgmentWriter(store, { batchSize: 2 });
    writer.add(judgment);
    writer.add({ ...judgment, judgeIndex: 1, judgeModelId: 'judge-b', verdict: 4, score: 0.75, costUsd: 0.001 });
    writer.add({ ...judgment, taskId: 't2', promptHash: 'def' });
    writer.add({ ...judgment, taskId: 't2', promptHash: 'def', judgeIndex: 1, judgeModelId: 'judge-b', verdict: 2, score: 0.25, costUsd: 0.001 });
    writer.add({ ...judgment, taskId: 't3', judgeIndex: 1, judgeModelId: 'judge-b', status: 'error', output: null, verdict: null, score: null, costUsd: null, errorCode: 'server_error', errorMessage: '503' });
    writer.close();
    expect(writer.written).toBe(5);
    expect((await readJudgments(store, 'r1'))[0]).toEqual(judgment);
    const costs = await summarizeJudgeCosts(store, 'r1');
    expect(costs.map((row) => [row.judge_model_id, row.calls, row.ok, row.errors])).toEqual([['judge-a', 2, 2, 0], ['judge-b', 3, 2, 1]]);
    expect(costs[0]?.cost_usd).toBeCloseTo(0.004, 12);
    expect(await summarizeJudgeAgreement(store, 'r1')).toEqual([{ judge_a: 'judge-a', judge_b: 'judge-b', items: 2, exact_agreement: 0.5, mean_abs_difference: 0.25 }]);
    store.close();
  });
});
