import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../core/scorer-spec.ts';
import { createScorer } from '../create-scorer.ts';
import { extractJson } from './extract-json.ts';

const json = (options: object = {}) => createScorer(ScorerSpecSchema.parse({ type: 'json', ...options }));
const task = (expected: unknown) => ({ expected, vars: {} });

describe('JSON extraction', () => {
  it('reads bare JSON, then fenced blocks, then JSON inside prose', () => {
    expect(extractJson(' {"a": 1} ')).toEqual({ value: { a: 1 }, how: 'whole' });
    expect(extractJson('Here:\n```json\n{"a": 2}\n```\nDone.')).toEqual({ value: { a: 2 }, how: 'fenced' });
    expect(extractJson('```\n[1, 2]\n```')).toEqual({ value: [1, 2], how: 'fenced' });
  });

  it('reads nested objects in prose whole, and skips braces inside strings and non-JSON braces', () => {
    const text = 'Sure {not json}! The result is {"user": {"name": "a}b", "tags": ["x", {"deep": [1]}]}, "ok": true} as requested.';
    expect(extractJson(text)).toEqual({ value: { user: { name: 'a}b', tags: ['x', { deep: [1] }] }, ok: true }, how: 'embedded' });
  });

  it('prefers the last object over citation-like arrays', () => {
    expect(extractJson('First {"v": 1}, see [3]. Corrected: {"v": 2} [4]')?.value).toEqual({ v: 2 });
    expect(extractJson('no json here')).toBeUndefined();
  });
});

describe('json scorer', () => {
  it('passes valid JSON when there is no expected value, and fails prose', async () => {
    expect(await json()(task(undefined), '{"a": 1}')).toMatchObject({ passed: true, value: 1 });
    expect(await json()(task(undefined), 'a: 1')).toMatchObject({ passed: false, explanation: 'no JSON found in the answer' });
  });

  it('validates against a JSON Schema with ajv', async () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^ORD-' } } };
    expect((await json({ schema })(task(undefined), '{"id": "ORD-1"}')).passed).toBe(true);
    expect(await json({ schema })(task(undefined), '{"id": "X-1"}')).toMatchObject({ passed: false, explanation: expect.stringContaining('/id must match pattern') as string });
    expect((await json({ schema: { type: 'object', required: ['id'] } })(task(undefined), '{}')).explanation).toMatch(/must have required property 'id'/);
  });

  it('gives partial credit per expected field and passes at the threshold', async () => {
    const expected = { name: 'Ada', address: { city: 'London', zip: 'N1' }, age: 36 };
    const answer = 'Result:\n```json\n{"name": " Ada ", "address": {"city": "Paris", "zip": "N1"}, "age": 36.0000001, "extra": 1}\n```';
    const score = await json()(task(expected), answer);
    expect(score).toMatchObject({ value: 0.75, passed: false, explanation: '3/4 fields match; wrong: address.city' });
    expect((await json({ pass_threshold: 0.75 })(task(expected), answer)).passed).toBe(true);
    expect((await json({ fields: ['name', 'age'] })(task(expected), answer)).value).toBe(1);
  });

  it('compares whole values when the expected value has no fields', async () => {
    expect((await json()(task([1, 2]), '[1, 2]')).passed).toBe(true);
    expect((await json()(task('yes'), '"yes"')).passed).toBe(true);
  });
});
