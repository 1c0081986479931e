import type { AttemptRecord } from '../../harness/core/attempt.ts';

/** A stored attempt with every field set (usage partly unknown), for store tests; `overrides` change some. */
export function attemptRecord(overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    runId: 'r1', suiteId: 's', taskId: 't1', modelId: 'm', repeat: 0, status: 'ok', output: 'billing', score: 1, passed: true, extracted: 'billing', explanation: 'ok',
    finishReason: 'stop', inputTokens: 120, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: null, reasoningTokens: null, costUsd: 0.00125, latencyMs: 812.5, ttftMs: 200.25,
    retries: 2, errorCode: null, errorMessage: null, startedAt: new Date('2026-01-02T03:04:05.678Z'), finishedAt: new Date('2026-01-02T03:04:06.789Z'),
    ...overrides,
  };
}
