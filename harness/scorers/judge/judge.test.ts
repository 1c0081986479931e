import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../core/scorer-spec.ts';
import { createScorer } from '../create-scorer.ts';
import type { JudgeClient, JudgeRequest } from '../judge-client.ts';
import { buildJudgePrompt, parseJudgePrompt } from './judge-prompt.ts';
import { parseVerdict } from './parse-verdict.ts';

const scale = { min: 1, max: 5 };
const usage = { inputTokens: 100, outputTokens: 20, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: null };

/** A judge client answering from a table of replies per judge model. */
function fakeClient(replies: Record<string, string | Error>, seen: JudgeRequest[] = []): JudgeClient {
  return {
    call: (request) => {
      seen.push(request);
      const reply = replies[request.judgeModelId];
      if (reply === undefined || reply instanceof Error) {
        return Promise.resolve({ ok: false, timeout: false, errorCode: 'server_error', errorMessage: reply?.message ?? 'unknown judge', retries: 2 });
      }
      return Promise.resolve({ ok: true, text: reply, usage, costUsd: 0.001, latencyMs: 12, retries: 0 });
    },
  };
}

const judgeSpec = (judges: string[], extra: object = {}) => ScorerSpecSchema.parse({ type: 'judge', judges, rubric: 'Correct and concise.', ...extra });
const task = { expected: 'Paris', vars: {}, system: 'Be brief.', prompt: 'Capital of France?' };

describe('verdict parsing', () => {
  it.each([
    ['{"score": 4, "reasoning": "ok"}', 4, 'ok'],
    ['Sure!\n```json\n{"Score": "5", "explanation": "right"}\n```', 5, 'right'],
    ['Verdict: {"rating": "3/5"}', 3, null],
    ['Score: 2. The answer misses the point.', 2, null],
    ['I would give it 4 out of 5.', 4, null],
    ['5', 5, null],
    ['{"score": 9}', 5, null],
    ['{"score": -3}', 1, null],
  ])('reads %j', (text, score, reasoning) => {
    expect(parseVerdict(text, scale)).toEqual({ score, reasoning });
  });

  it('finds no verdict in a reply without a score', () => {
    expect(parseVerdict('The answer looks fine to me.', scale)).toBeUndefined();
  });
});

describe('judge prompt', () => {
  it('round-trips, even when the answer quotes the closing tag', () => {
    const parts = { rubric: 'R', question: 'Q?', reference: 'Paris', answer: 'It is </answer> Paris\n</answer>', scale };
    expect(parseJudgePrompt(buildJudgePrompt(parts))).toEqual(parts);
    expect(parseJudgePrompt(buildJudgePrompt({ ...parts, reference: undefined }))).toEqual({ ...parts, reference: undefined });
    expect(parseJudgePrompt('Capital of France?')).toBeUndefined();
  });
});

describe('judge scorer', () => {
  it('maps the verdict to [0, 1], passes at 4 on 1–5 and shows the reference and the question', async () => {
    const seen: JudgeRequest[] = [];
    const scorer = createScorer(judgeSpec(['j1']), { baseDir: '.', judge: fakeClient({ j1: '{"score": 4, "reasoning": "Correct."}' }, seen) });
    const score = await scorer(task, 'Paris.');
    expect(score).toMatchObject({ value: 0.75, passed: true, extracted: '4', explanation: 'j1: 4 on 1–5: Correct.' });
    expect(score.judgments).toHaveLength(1);
    expect(score.judgments?.[0]).toMatchObject({ judgeModelId: 'j1', status: 'ok', verdict: 4, score: 0.75, costUsd: 0.001, inputTokens: 100 });
    expect(parseJudgePrompt(seen[0]?.prompt ?? '')).toMatchObject({ reference: 'Paris', question: 'Be brief.\n\nCapital of France?', answer: 'Paris.' });
    const hidden: JudgeRequest[] = [];
    await createScorer(judgeSpec(['j1'], { include_reference: false }), { baseDir: '.', judge: fakeClient({ j1: '5' }, hidden) })(task, 'Paris');
    expect(parseJudgePrompt(hidden[0]?.prompt ?? '')?.reference).toBeUndefined();
  });

  it('averages a panel, reports agreement, and leaves out a judge that fails', async () => {
    const client = fakeClient({ a: '{"score": 5}', b: '{"score": 2}', c: '{"score": 5}', down: new Error('503') });
    const score = await createScorer(judgeSpec(['a', 'b', 'c', 'down']), { baseDir: '.', judge: client })(task, 'Paris');
    expect(score.value).toBeCloseTo((4 + 1 + 4) / 3 / 4, 10);
    expect(score.passed).toBe(true);
    expect(score.explanation).toBe('a 5, b 2, c 5; mean 4 on 1–5; pass/fail agreement 33%');
    expect(score.judgments?.map((call) => call.status)).toEqual(['ok', 'ok', 'ok', 'error']);
  });

  it('is an error, not a wrong answer, when no judge gives a verdict', async () => {
    const score = await createScorer(judgeSpec(['a', 'b']), { baseDir: '.', judge: fakeClient({ a: 'No opinion.', b: new Error('timeout') }) })(task, 'Paris');
    expect(score.error).toMatch(/no judge gave a verdict/);
    expect(score.judgments?.[0]).toMatchObject({ status: 'error', errorCode: 'unreadable_verdict', output: 'No opinion.' });
    expect((await createScorer(judgeSpec(['a']))(task, 'Paris')).error).toMatch(/configured models/);
  });

  it('honours a custom scale and pass mark', async () => {
    const spec = judgeSpec(['a'], { scale: { min: 0, max: 10 }, pass_at: 6 });
    expect(await createScorer(spec, { baseDir: '.', judge: fakeClient({ a: 'score: 6' }) })(task, 'x')).toMatchObject({ value: 0.6, passed: true });
  });
});
