import { createHash } from 'node:crypto';
import { InputError, type InputProblem } from '../core/input-error.ts';
import { ConfigSchema, type Config } from '../core/models-schema.ts';
import { parseDocumentText, type ParsedDocument } from '../input/parse-document.ts';
import { readInputFile } from '../input/read-input-file.ts';
import { zodProblems } from '../input/zod-problems.ts';
import { createKeyIndex } from '../suites/schema-keys.ts';
import { checkModels } from './check-models.ts';

const keysAt = createKeyIndex(ConfigSchema);

/** A validated models config, with the hash recorded in run provenance. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: Config;
  /** SHA-256 of the canonical parsed config; the config holds no secrets, so neither does this. */
  readonly hash: string;
}

/** Loads and validates a models config (YAML or JSON). Throws `InputError` with every problem. */
export function loadConfig(file: string): LoadedConfig {
  const read = readInputFile(file);
  if (!('text' in read)) throw new InputError([read]);
  const doc = parseDocumentText(file, read.text);
  if (Array.isArray(doc)) throw new InputError(doc);
  return parseConfig(doc);
}

/** Validates an already parsed config document. */
export function parseConfig(doc: ParsedDocument): LoadedConfig {
  const secretProblems = findInlineSecrets(doc);
  const parsed = ConfigSchema.safeParse(doc.value);
  if (!parsed.success) {
    // An inline key is reported once, as a secret, not again as an unknown key.
    const reported = new Set(secretProblems.map((problem) => problem.path));
    const rest = zodProblems(parsed.error, doc, [], keysAt).filter((problem) => !reported.has(problem.path));
    throw new InputError([...secretProblems, ...rest]);
  }
  const problems: InputProblem[] = [...secretProblems, ...checkModels(parsed.data, doc)];
  if (problems.length > 0) throw new InputError(problems);
  return { file: doc.file, config: parsed.data, hash: createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex') };
}

/** Keys are read from the environment only; a key written in the config is refused with a pointed message. */
function findInlineSecrets(doc: ParsedDocument): InputProblem[] {
  const models = (doc.value as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) return [];
  return models.flatMap((model: unknown, index) => {
    if (model === null || typeof model !== 'object') return [];
    return ['api_key', 'apiKey', 'key', 'token', 'secret']
      .filter((key) => key in model)
      .map((key) => ({
        file: doc.file,
        ...doc.locate(['models', index], key),
        path: `models[${index}].${key}`,
        message: 'API keys must not be written in the config',
        fix: 'delete the key from the file and set it in the environment (the SDK\'s usual variable, or name one with `api_key_env`)',
      }));
  });
}
