import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchema } from './schema-command.ts';

describe('published JSON Schema', () => {
  it('suites/suite.schema.json is what the zod schema generates (run `npm run schema` after changing it)', () => {
    const published = readFileSync(new URL('../../suites/suite.schema.json', import.meta.url), 'utf8');
    expect(published).toBe(generateSchema('suite'));
  });

  it('describes tasks, defaults and scorers with unknown keys refused', () => {
    const schema = JSON.parse(generateSchema('suite')) as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['suite', 'version', 'prompt', 'tasks']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['defaults', 'system', 'tasks']));
  });
});
