import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import type { Ajv2019 } from 'ajv/dist/2019.js';
import type { Ajv2020 } from 'ajv/dist/2020.js';

/** A compiled JSON Schema: `undefined` when the value is valid, else the first problem, readable. */
export type JsonSchemaCheck = (value: unknown) => string | undefined;

// ajv takes about 100 ms to load: it is required on first use, so only suites with a schema pay.
const require = createRequire(import.meta.url);

/**
 * Compiles a JSON Schema with ajv, choosing the draft from `$schema` (2020-12 or 2019-09; draft-07
 * otherwise). Formats ajv does not know are ignored rather than refused. Throws on an invalid schema,
 * which suite loading reports before anything runs.
 */
export function compileJsonSchema(schema: Readonly<Record<string, unknown>>): JsonSchemaCheck {
  const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { allErrors: false, strict: false, validateFormats: false } as const;
  const ajv = draft.includes('2020-12')
    ? new (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020(options)
    : draft.includes('2019-09')
      ? new (require('ajv/dist/2019.js') as { Ajv2019: typeof Ajv2019 }).Ajv2019(options)
      : new (require('ajv') as { Ajv: typeof Ajv }).Ajv(options);
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) => {
    if (validate(value)) return undefined;
    const error = validate.errors?.[0];
    if (error === undefined) return 'does not match the schema';
    return `${error.instancePath === '' ? 'the value' : error.instancePath} ${error.message ?? 'does not match the schema'}`;
  };
}
