import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';

/**
 * Validates `value` against `schema`, then writes it as canonical JSON, atomically (a temporary
 * file renamed over the target), so a reader never sees half a policy. An invalid value is a bug
 * in the learner: zod's error propagates and nothing is written.
 */
export function writeJsonFile<T extends z.ZodType>(file: string, schema: T, value: z.input<T>): string {
  const text = canonicalJson(value);
  // Validate what will be read back (rounded numbers included), not the value in memory.
  schema.parse(JSON.parse(text));
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return text;
}
