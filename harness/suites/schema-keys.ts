import { z } from 'zod';

type JsonSchemaNode = Record<string, unknown>;

/** The property names valid at a document path, for "did you mean" suggestions. */
export type KeyIndex = (path: readonly PropertyKey[]) => string[];

/**
 * Indexes a zod schema (through its JSON Schema) so that the keys allowed at any path can be
 * listed: unions are merged, records and arrays followed, `$ref`s resolved. The JSON Schema is
 * built on first use: only input with a problem needs it, and building it costs every command
 * that reads a suite or a config ~5 ms of start-up.
 */
export function createKeyIndex(schema: z.ZodType): KeyIndex {
  let indexed: KeyIndex | undefined;
  return (path) => (indexed ??= indexSchema(schema))(path);
}

function indexSchema(schema: z.ZodType): KeyIndex {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const definitions = (root.$defs ?? {}) as Record<string, JsonSchemaNode>;
  const expand = (node: unknown): JsonSchemaNode[] => {
    if (node === null || typeof node !== 'object') return [];
    const record = node as JsonSchemaNode;
    const ref = typeof record.$ref === 'string' ? definitions[record.$ref.replace('#/$defs/', '')] : undefined;
    const branches = ['anyOf', 'oneOf', 'allOf'].flatMap((key) => (Array.isArray(record[key]) ? (record[key] as unknown[]) : []));
    return [record, ...(ref ? expand(ref) : []), ...branches.flatMap(expand)];
  };
  return (path) => {
    let nodes = expand(root);
    for (const part of path) {
      nodes = nodes.flatMap((node) => {
        if (typeof part === 'number') return expand(node.items);
        const properties = node.properties as Record<string, unknown> | undefined;
        return expand(properties?.[String(part)] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
      });
    }
    return [...new Set(nodes.flatMap((node) => Object.keys((node.properties as object | undefined) ?? {})))].sort();
  };
}
