import { createHash } from 'node:crypto';
import type { JudgeCall } from '../../core/judgment.ts';
import type { JudgeClient } from '../judge-client.ts';
import { parseVerdict } from './parse-verdict.ts';

/** One judge's question: the prompt, its hash, the scale to read the verdict on. */
export interface JudgeQuestion {
  readonly system: string;
  readonly prompt: string;
  readonly promptHash: string;
  readonly scale: { readonly min: number; readonly max: number };
  readonly maxTokens: number;
}

/** Asks one judge and reads its verdict. A failed call or an unreadable verdict comes back as an `error` call, never a throw. */
export async function askJudge(client: JudgeClient, judgeModelId: string, question: JudgeQuestion): Promise<JudgeCall> {
  const response = await client.call({
    judgeModelId,
    system: question.system,
    prompt: question.prompt,
    maxTokens: question.maxTokens,
    // Same judge, same prompt, same seed: a rerun (and a simulated judge) gives the same verdict.
    seed: Number.parseInt(createHash('sha256').update(`${judgeModelId}\u0001${question.promptHash}`).digest('hex').slice(0, 8), 16),
    promptHash: question.promptHash,
  });
  const base = { judgeModelId, promptHash: question.promptHash, retries: response.retries };
  if (!response.ok) {
    return {
      ...base, status: response.timeout ? 'timeout' : 'error', output: null, verdict: null, score: null, reasoning: null,
      inputTokens: null, outputTokens: null, reasoningTokens: null, costUsd: null, latencyMs: null,
      errorCode: response.errorCode, errorMessage: response.errorMessage,
    };
  }
  const verdict = parseVerdict(response.text, question.scale);
  const { min, max } = question.scale;
  return {
    ...base,
    status: verdict === undefined ? 'error' : 'ok',
    output: response.text,
    verdict: verdict?.score ?? null,
    score: verdict === undefined ? null : (verdict.score - min) / (max - min),
    reasoning: verdict?.reasoning ?? null,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
    reasoningTokens: response.usage.reasoningTokens,
    costUsd: response.costUsd,
    latencyMs: response.latencyMs,
    errorCode: verdict === undefined ? 'unreadable_verdict' : null,
    errorMessage: verdict === undefined ? 'the reply holds no score on the scale' : null,
  };
}
