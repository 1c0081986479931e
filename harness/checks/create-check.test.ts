import { describe, expect, it } from 'vitest';
import { CheckSpecSchema } from '../core/check-spec.ts';
import { createCheck } from './create-check.ts';

const check = (spec: unknown) => createCheck(CheckSpecSchema.parse(spec));
const task = { expected: undefined, vars: {} };

describe('runtime checks', () => {
  it('json: passes parseable JSON (bare, fenced, in prose), valid against the schema when given', () => {
    expect(check({ type: 'json' })(task, 'Result: {"a": {"b": 1}} done')).toBe(true);
    expect(check({ type: 'json' })(task, 'no json')).toBe(false);
    const schema = { type: 'object', required: ['id'] };
    expect(check({ type: 'json', schema })(task, '```json\n{"id": 1}\n```')).toBe(true);
    expect(check({ type: 'json', schema })(task, '{"name": 1}')).toBe(false);
  });

  it('regex, numeric, contains and length need no expected answer', () => {
    expect(check({ type: 'regex', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })(task, '2025-01-17')).toBe(true);
    expect(check({ type: 'regex', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })(task, '17 Jan 2025')).toBe(false);
    expect(check({ type: 'numeric' })(task, 'So the answer is \\frac{3}{4}.')).toBe(true);
    expect(check({ type: 'numeric' })(task, 'I cannot say.')).toBe(false);
    expect(check({ type: 'contains', values: ['billing', 'bug'], mode: 'any' })(task, 'Bug')).toBe(true);
    expect(check({ type: 'contains', values: ['billing', 'bug'], mode: 'all' })(task, 'Bug')).toBe(false);
    expect(check({ type: 'length', max: 5 })(task, '  abc ')).toBe(true);
    expect(check({ type: 'length', max: 5 })(task, '   ')).toBe(false);
  });

  it('choice: passes when an option letter can be read, with options from the task', () => {
    expect(check({ type: 'choice' })(task, 'Answer: B')).toBe(true);
    expect(check({ type: 'choice' })(task, 'Clearly a hard one.')).toBe(false);
    expect(check({ type: 'choice' })({ expected: undefined, vars: { choices: ['one', 'two', 'three', 'four', 'five'] } }, 'Answer: E')).toBe(true);
  });

  it('refuses an invalid pattern', () => {
    expect(CheckSpecSchema.safeParse({ type: 'regex', pattern: '[' }).success).toBe(false);
  });
});
