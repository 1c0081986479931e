import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../core/scorer-spec.ts';
import { createScorer } from '../create-scorer.ts';
import { evaluateMath } from './evaluate-math.ts';
import { extractFinalNumber } from './extract-final-number.ts';

const task = (expected: unknown) => ({ expected, vars: {} });
const numeric = (options: object = {}) => createScorer(ScorerSpecSchema.parse({ type: 'numeric', abs_tol: 0.01, ...options }));

describe('numeric scorer', () => {
  it('reads the final answer, not an intermediate number', async () => {
    const scorer = numeric();
    expect(await scorer(task(42), 'First 40 + 3 = 43, minus 1.\nAnswer: 42')).toMatchObject({ passed: true, extracted: '42' });
    expect((await scorer(task('1250'), 'The answer is $1,250.00 in total.')).passed).toBe(true);
    expect((await scorer(task(7), 'I get \\boxed{7} and then check 8')).passed).toBe(true);
    expect((await scorer(task(3), 'We have 1, 2 and 3 apples; 5 pears and 6 plums would make 11, so the answer is 3 apples.')).passed).toBe(true);
    expect((await scorer(task(19), 'Totals: 12, then 15, then 19.')).passed).toBe(true);
  });

  it('takes the last \\boxed{}, braces balanced, and the right side of an assignment', async () => {
    const scorer = numeric();
    expect((await scorer(task(33), 'Maybe \\boxed{25}? No: \\boxed{m+n = 33}')).extracted).toBe('33');
    expect((await scorer(task(0.75), 'so \\boxed{\\frac{3}{4}}')).passed).toBe(true);
    expect((await scorer(task('$\\frac{\\sqrt{6}}{4}$'), '\\boxed{\\dfrac{\\sqrt6}{4}}')).passed).toBe(true);
  });

  it('reads commas, currency, percent and simple fractions', async () => {
    const scorer = numeric();
    expect((await scorer(task(12.5), 'so 12.5% it is')).passed).toBe(true);
    expect((await scorer(task(0.125), 'so 12.5% it is')).passed).toBe(true);
    expect((await scorer(task(0.75), 'The ratio is 3/4.')).passed).toBe(true);
    expect((await scorer(task(1234567.5), 'Answer: 1,234,567.50 USD')).passed).toBe(true);
    expect((await scorer(task(-3), 'Answer: −3')).passed).toBe(true);
  });

  it('fails outside the tolerance and when there is no number', async () => {
    const scorer = numeric();
    expect(await scorer(task(10), 'Answer: 10.02')).toMatchObject({ passed: false, explanation: 'expected 10, got 10.02' });
    expect((await scorer(task(10), 'Answer: 10.005')).passed).toBe(true);
    expect(await scorer(task(10), 'no idea')).toMatchObject({ passed: false, extracted: null });
    expect((await numeric({ abs_tol: 0, rel_tol: 0.1 })(task(200), '215')).passed).toBe(true);
    expect((await numeric({ abs_tol: 0, rel_tol: 0.01 })(task(200), '215')).passed).toBe(false);
  });

  it('compares non-numeric answers as normalised LaTeX, item by item', async () => {
    const scorer = numeric();
    expect((await scorer(task('$(-\\infty,-1)\\cup(6,+\\infty)$'), '\\boxed{(-\\infty, -1) \\cup (6, \\infty)}')).passed).toBe(true);
    expect((await scorer(task('$(0, 2]$'), '\\boxed{(0, 2)}')).passed).toBe(false);
    expect((await scorer(task('$\\{2,5\\}$'), '\\boxed{\\{2, 5\\}}')).passed).toBe(true);
    expect((await scorer(task('$(2, 0)$'), '\\boxed{(2.0, 0)}')).passed).toBe(true);
    expect((await scorer(task('$10^{2^n-n-1}$'), '\\boxed{10^{2^{\\,n}-n-1}}')).passed).toBe(true);
    expect((await scorer(task('$\\pm 1/n!$'), '\\boxed{\\pm\\frac{1}{n!}}')).passed).toBe(true);
    expect((await scorer(task('sampling survey'), 'The answer is: Sampling survey.')).passed).toBe(true);
  });

  it('says when the task has no expected answer', async () => {
    expect((await numeric()(task(undefined), '42')).explanation).toBe('the task has no expected answer');
  });
});

describe('math evaluation', () => {
  it.each([
    ['3/4', 0.75],
    ['\\frac12', 0.5],
    ['2\\sqrt{2}-2', 2 * Math.SQRT2 - 2],
    ['6.02 \\times 10^{23}', 6.02e23],
    ['-\\dfrac{1}{3}', -1 / 3],
    ['\\sqrt[3]{-8}', -2],
    ['-2^2', -4],
    ['3\\pi', 3 * Math.PI],
    ['115^\\circ', 115],
    ['$4049$', 4049],
    ['1,250.00', 1250],
  ])('evaluates %s', (text, value) => {
    const got = evaluateMath(text);
    expect(got).toBeDefined();
    expect(Math.abs((got ?? Number.NaN) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
  });

  it.each(['2, 5', 'x+1', '\\infty', '2 3', '10^{2^n}', '(1', ''])('refuses %s', (text) => {
    expect(evaluateMath(text)).toBeUndefined();
  });

  it('extracts negative and decimal final numbers', () => {
    expect(extractFinalNumber('Answer: -3.5')).toBe(-3.5);
    expect(extractFinalNumber('answer is .5')).toBe(0.5);
    expect(extractFinalNumber('pages 10-12, total 12')).toBe(12);
    expect(extractFinalNumber('nothing here')).toBeUndefined();
  });
});
