import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../core/scorer-spec.ts';
import { createScorer } from '../create-scorer.ts';

const choice = createScorer(ScorerSpecSchema.parse({ type: 'choice' }));
const task = (expected: unknown, vars: Record<string, unknown> = {}) => ({ expected, vars });
const picked = async (completion: string, vars: Record<string, unknown> = {}) => (await choice(task('C', vars), completion)).extracted;

describe('choice scorer', () => {
  it.each([
    ['Answer: C', 'C'],
    ['Answer: $C$', 'C'],
    ['**Answer: C) ~2.25**', 'C'],
    ['Let me think... The answer is (C).', 'C'],
    ['the correct option is C because it balances', 'C'],
    ['Final answer: \\boxed{C}', 'C'],
    ['A is tempting and B looks close, but\n\nC', 'C'],
    ['Options (A) and (B) fail.\n**(C)**', 'C'],
    ['Answer: I think it is C', 'C'],
  ])('reads %j as %s', async (completion, letter) => {
    expect(await picked(completion)).toBe(letter);
  });

  it('never takes a letter inside a word, a contraction or the article "A"', async () => {
    expect(await picked('Answer: Clearly none of them.')).toBeNull();
    expect(await picked("The answer is a tricky one, I'd say")).toBeNull();
    expect(await picked('Answer: A good guess would be D')).toBe('D');
    expect(await picked('CABBAGE')).toBeNull();
    expect(await picked('It is B-12 or something')).toBeNull();
  });

  it('takes the last answer marker when the model changes its mind', async () => {
    expect(await picked('Answer: A\nWait, that is wrong.\nAnswer: C')).toBe('C');
  });

  it('ignores letters outside the option set', async () => {
    expect(await picked('Answer: E')).toBeNull();
    expect(await picked('Answer: E', { choices: ['A', 'B', 'C', 'D', 'E'] })).toBe('E');
  });

  it('reads option texts from the task and accepts the expected answer as a text', async () => {
    const vars = { choices: ['Paris', 'Lyon', 'Marseille'] };
    expect(await choice(task('Lyon', vars), 'Answer: B')).toMatchObject({ passed: true, extracted: 'B' });
    expect(await choice(task('B', vars), 'I would go with Lyon')).toMatchObject({ passed: true, extracted: 'B' });
    expect(await choice(task('A', { choices: { A: 'yes', B: 'no' } }), 'Answer: B')).toMatchObject({ passed: false, explanation: 'expected A, picked B (marker)' });
  });

  it('fails with a reason when nothing is picked or the expected answer is no option', async () => {
    expect((await choice(task('C'), 'I do not know.')).explanation).toMatch(/no option letter/);
    expect((await choice(task('Z'), 'Answer: C')).explanation).toMatch(/not one of the options/);
  });
});
