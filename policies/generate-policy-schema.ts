import { z } from 'zod';
import { PolicySchema } from '../harness/core/policy-schema.ts';

/**
 * The published JSON Schema of policy files (`policies/policy.schema.json`), generated from the
 * zod schema the router validates with, so the two cannot drift (a test compares them).
 */
export function generatePolicySchema(): string {
  const schema = z.toJSONSchema(PolicySchema, { io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'baton routing policy', ...schema }, null, 2)}\n`;
}
