import type { JudgmentRecord } from '../core/judgment.ts';
import type { JudgeClient } from '../scorers/judge-client.ts';

/**
 * A judge client that calls no model: it answers with the reply a judge gave to the very same
 * prompt in the stored run (same judge, same prompt hash: same rubric, question and answer), with
 * that call's usage and cost. A changed rubric, or an answer never judged, has no stored reply and
 * comes back as a failed call, so the attempt is rescored as an error rather than guessed.
 */
export function createReplayJudgeClient(stored: readonly JudgmentRecord[]): JudgeClient {
  const replies = new Map<string, JudgmentRecord>();
  for (const judgment of stored) {
    const key = `${judgment.judgeModelId}\u0000${judgment.promptHash}`;
    if (judgment.status === 'ok' && judgment.output !== null && !replies.has(key)) replies.set(key, judgment);
  }
  return {
    call(request) {
      const reply = replies.get(`${request.judgeModelId}\u0000${request.promptHash}`);
      if (reply === undefined || reply.output === null) {
        return Promise.resolve({ ok: false, timeout: false, errorCode: 'not_replayable', errorMessage: `no stored verdict of \`${request.judgeModelId}\` for this judge prompt (rescore calls no model)`, retries: 0 });
      }
      return Promise.resolve({
        ok: true,
        text: reply.output,
        usage: { inputTokens: reply.inputTokens, outputTokens: reply.outputTokens, cachedInputTokens: null, cacheWriteTokens: null, reasoningTokens: reply.reasoningTokens },
        costUsd: reply.costUsd,
        latencyMs: reply.latencyMs,
        retries: reply.retries,
      });
    },
  };
}
