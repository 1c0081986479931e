import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePolicySchema } from './generate-policy-schema.ts';

describe('published policy JSON Schema', () => {
  it('policies/policy.schema.json is what the zod schema generates (regenerate: `baton schema policy --out policies/policy.schema.json`)', () => {
    const published = readFileSync(new URL('./policy.schema.json', import.meta.url), 'utf8');
    expect(published).toBe(generatePolicySchema());
  });

  it('names the contract: version, objective, constraints, models, routes, default, provenance; unknown keys refused', () => {
    const schema = JSON.parse(generatePolicySchema()) as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'objective', 'constraints', 'models', 'routes', 'default', 'summary', 'provenance']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('classifier');
  });
});
