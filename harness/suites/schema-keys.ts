import { z } from 'zod';

/** Every property name anywhere in a zod schema, for "did you mean" suggestions. */
export function schemaKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') Object.keys(record.properties).forEach((key) => keys.add(key));
    Object.values(record).forEach(visit);
  };
  visit(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  return [...keys].sort();
}
