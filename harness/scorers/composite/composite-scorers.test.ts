import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../core/scorer-spec.ts';
import { applyScorer } from '../apply-scorer.ts';
import { createScorer } from '../create-scorer.ts';
import type { JudgeClient } from '../judge-client.ts';

const baseDir = fileURLToPath(new URL('.', import.meta.url));
const custom = (extra: object) => createScorer(ScorerSpecSchema.parse({ type: 'custom', module: './fixtures/word-count-scorer.ts', ...extra }), { baseDir });
const task = { expected: 'Paris', vars: {} };

describe('custom scorer', () => {
  it('loads a TypeScript module relative to the suite and passes it the options', async () => {
    expect(await custom({ options: { max: 3 } })(task, 'It is Paris')).toMatchObject({ value: 1, passed: true, extracted: '3', explanation: '3 words (max 3)' });
    expect((await custom({ options: { max: 2 } })(task, 'It is Paris')).value).toBeCloseTo(2 / 3, 10);
  });

  it('accepts a number or a boolean (sync or async) as the result', async () => {
    expect(await custom({ export: 'mentionsExpected' })(task, 'Paris')).toMatchObject({ value: 1, passed: true });
    expect(await custom({ export: 'mentionsExpected' })(task, 'Lyon')).toMatchObject({ value: 0.25, passed: false });
    expect(await custom({ export: 'isShout' })(task, 'PARIS')).toMatchObject({ value: 1, passed: true });
  });

  it('turns a throwing, missing or confused scorer into a scoring error, not a crash', async () => {
    expect((await applyScorer(custom({ export: 'broken' }), task, 'x')).error).toBe('bug in the custom scorer');
    expect((await applyScorer(custom({ export: 'nothing' }), task, 'x')).error).toMatch(/no function export `nothing`/);
    expect((await applyScorer(custom({ export: 'confused' }), task, 'x')).error).toMatch(/neither a Score/);
    const missing = createScorer(ScorerSpecSchema.parse({ type: 'custom', module: './fixtures/absent.ts' }), { baseDir });
    expect((await applyScorer(missing, task, 'x')).error).toBeDefined();
  });
});

describe('weighted scorer', () => {
  const weighted = (extra: object = {}, judge?: JudgeClient) =>
    createScorer(
      ScorerSpecSchema.parse({
        type: 'weighted',
        scorers: [
          { weight: 3, scorer: { type: 'exact', normalize: ['trim', 'lowercase'] } },
          { scorer: { type: 'contains', values: ['because'] } },
        ],
        ...extra,
      }),
      { baseDir, judge },
    );

  it('takes the weighted mean and passes only when every part passes by default', async () => {
    expect(await weighted()(task, 'paris')).toMatchObject({ value: 0.75, passed: false, extracted: 'paris', explanation: 'exact 1.00×3 + contains 0.00×1 = 0.75' });
    expect((await weighted({ pass_threshold: 0.7 })(task, 'paris')).passed).toBe(true);
    expect(await weighted()(task, 'Lyon because')).toMatchObject({ value: 0.25, passed: false });
  });

  it('keeps the judge calls of its parts and fails as an error when a part cannot score', async () => {
    const judge: JudgeClient = { call: () => Promise.resolve({ ok: true, text: '{"score": 5}', usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: null, cacheWriteTokens: null, reasoningTokens: null }, costUsd: 0, latencyMs: 1, retries: 0 }) };
    const spec = ScorerSpecSchema.parse({ type: 'weighted', scorers: [{ scorer: { type: 'judge', judges: ['j'], rubric: 'r' } }, { scorer: { type: 'exact' } }] });
    const score = await createScorer(spec, { baseDir, judge })(task, 'Paris');
    expect(score).toMatchObject({ value: 1, passed: true });
    expect(score.judgments).toHaveLength(1);
    const unjudged = await createScorer(spec, { baseDir })(task, 'Paris');
    expect(unjudged.error).toMatch(/^judge: /);
  });

  it('refuses nested composites', () => {
    expect(ScorerSpecSchema.safeParse({ type: 'weighted', scorers: [{ scorer: { type: 'weighted', scorers: [{ scorer: { type: 'exact' } }] } }] }).success).toBe(false);
  });
});
