import { describe, expect, it } from 'vitest';
import { createScorer } from './create-scorer.ts';
import { extractFinalNumber } from './extract-final-number.ts';

const task = (expected: unknown) => ({ expected, vars: {} });

describe('exact scorer', () => {
  it('compares after the normalisers, in order', () => {
    const scorer = createScorer({ type: 'exact', normalize: ['trim', 'lowercase', 'strip_punctuation'] });
    expect(scorer(task('billing'), '  Billing.\n')).toMatchObject({ value: 1, passed: true, extracted: 'billing' });
    expect(scorer(task('billing'), 'bug')).toMatchObject({ value: 0, passed: false, explanation: 'expected "billing", got "bug"' });
  });

  it('is strict without normalisers beyond trim', () => {
    const scorer = createScorer({ type: 'exact', normalize: ['trim'] });
    expect(scorer(task('ORD-1'), 'ord-1').passed).toBe(false);
    expect(createScorer({ type: 'exact', normalize: ['collapse_whitespace', 'trim'] })(task('a b'), ' a \n b ').passed).toBe(true);
  });
});

describe('numeric scorer', () => {
  const scorer = createScorer({ type: 'numeric', abs_tol: 0.01, rel_tol: 0 });

  it('reads the final answer, not an intermediate number', () => {
    expect(scorer(task(42), 'First 40 + 3 = 43, minus 1.\nAnswer: 42')).toMatchObject({ passed: true, extracted: '42' });
    expect(scorer(task('1250'), 'The answer is $1,250.00 in total.').passed).toBe(true);
    expect(scorer(task(12.5), 'so 12.5% it is').passed).toBe(true);
    expect(scorer(task(7), 'I get \\boxed{7} and then check 8').passed).toBe(true);
  });

  it('fails outside the tolerance and when there is no number', () => {
    expect(scorer(task(10), 'Answer: 10.02')).toMatchObject({ passed: false, explanation: 'expected 10, got 10.02' });
    expect(scorer(task(10), 'Answer: 10.005').passed).toBe(true);
    expect(scorer(task(10), 'no idea')).toMatchObject({ passed: false, extracted: null });
    expect(createScorer({ type: 'numeric', abs_tol: 0, rel_tol: 0.1 })(task(200), '215').passed).toBe(true);
  });

  it('extracts negative and decimal numbers', () => {
    expect(extractFinalNumber('Answer: -3.5')).toBe(-3.5);
    expect(extractFinalNumber('answer is .5')).toBe(0.5);
    expect(extractFinalNumber('nothing here')).toBeUndefined();
  });
});
