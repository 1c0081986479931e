import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../core/scorer-spec.ts';
import { createScorer } from '../create-scorer.ts';

const task = (expected: unknown) => ({ expected, vars: {} });
const scorer = (spec: unknown) => createScorer(ScorerSpecSchema.parse(spec));

describe('exact scorer', () => {
  it('compares after the normalisers, in order', async () => {
    const exact = scorer({ type: 'exact', normalize: ['trim', 'lowercase', 'strip_punctuation'] });
    expect(await exact(task('billing'), '  Billing.\n')).toMatchObject({ value: 1, passed: true, extracted: 'billing' });
    expect(await exact(task('billing'), 'bug')).toMatchObject({ value: 0, passed: false, explanation: 'expected "billing", got "bug"' });
  });

  it('is strict without normalisers beyond trim', async () => {
    expect((await scorer({ type: 'exact' })(task('ORD-1'), 'ord-1')).passed).toBe(false);
    expect((await scorer({ type: 'exact', normalize: ['collapse_whitespace', 'trim'] })(task('a b'), ' a \n b ')).passed).toBe(true);
  });
});

describe('contains scorer', () => {
  it('passes on any value by default, case-insensitively', async () => {
    const contains = scorer({ type: 'contains' });
    expect(await contains(task(['refund', 'credit']), 'We will issue a REFUND today.')).toMatchObject({ passed: true, value: 1, extracted: 'refund' });
    expect(await contains(task('refund'), 'We will not pay.')).toMatchObject({ passed: false, value: 0, extracted: null });
  });

  it('gives partial credit in `all` mode and names what is missing', async () => {
    const all = scorer({ type: 'contains', mode: 'all', values: ['Paris', 'Lyon', 'Nice'] });
    const score = await all(task(undefined), 'Paris and Lyon are large; Marseille too.');
    expect(score.value).toBeCloseTo(2 / 3, 10);
    expect(score).toMatchObject({ passed: false, explanation: 'missing "Nice"' });
  });

  it('does not find a word inside another one with whole_words', async () => {
    const strict = scorer({ type: 'contains', whole_words: true });
    expect((await strict(task('no'), 'That is not it; nothing.')).passed).toBe(false);
    expect((await strict(task('no'), 'The answer is: no.')).passed).toBe(true);
    expect((await strict(task('12'), 'about 120 units')).passed).toBe(false);
    expect((await scorer({ type: 'contains' })(task('no'), 'That is not it')).passed).toBe(true);
  });

  it('fails clearly when there is nothing to look for', async () => {
    expect((await scorer({ type: 'contains' })(task(undefined), 'anything')).explanation).toMatch(/no values to look for/);
  });
});

describe('regex scorer', () => {
  it('compares the last capture with the expected answer', async () => {
    const regex = scorer({ type: 'regex', pattern: 'Label:\\s*(\\w+)', flags: 'i' });
    expect(await regex(task('bug'), 'label: billing?\nNo wait. LABEL: bug')).toMatchObject({ passed: true, extracted: 'bug' });
    expect(await regex(task('bug'), 'Label: billing')).toMatchObject({ passed: false, explanation: 'expected "bug", captured "billing"' });
    expect(await regex(task('bug'), 'no label here')).toMatchObject({ passed: false, extracted: null });
  });

  it('reads named groups, the first match on request, and the whole match without groups', async () => {
    expect((await scorer({ type: 'regex', pattern: 'id=(?<id>\\d+)', group: 'id', match: 'first' })(task('7'), 'id=7 then id=9')).extracted).toBe('7');
    expect((await scorer({ type: 'regex', pattern: '[A-Z]{3}-\\d+' })(task('ORD-12'), 'order ORD-12 shipped')).passed).toBe(true);
  });

  it('passes on a match alone when the task has no expected answer', async () => {
    expect((await scorer({ type: 'regex', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })(task(undefined), '2025-03-03')).passed).toBe(true);
  });

  it('refuses an invalid pattern when the suite is validated', () => {
    expect(ScorerSpecSchema.safeParse({ type: 'regex', pattern: '(' }).success).toBe(false);
  });
});
