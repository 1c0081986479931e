import { InputError } from '../core/input-error.ts';
import type { ModelConfig } from '../core/models-schema.ts';

/** The environment, as the caller read it at the boundary. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Where each kind's SDK looks for its key, in the SDK's order of precedence. */
const usualVariables = {
  openai: ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  // @google/genai prefers GOOGLE_API_KEY when both are set; GEMINI_API_KEY is the documented one.
  google: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
} as const;

/** An API key and the variable it came from. */
export interface ApiKey {
  readonly apiKey: string;
  readonly variable: string;
}

/** Where the model sits in the config, for the message. */
export interface ModelLocation {
  readonly file: string;
  readonly index: number;
}

/**
 * The key of a model that needs one (`openai`, `anthropic`, `google`): from the variable its
 * `api_key_env` names, else from the SDK's usual variables. A missing or empty key is an
 * `InputError` naming the variable, raised before anything is called or written.
 */
export function requireApiKey(model: ModelConfig & { provider: keyof typeof usualVariables }, env: Environment, where: ModelLocation): ApiKey {
  const candidates: readonly string[] = model.api_key_env === undefined ? usualVariables[model.provider] : [model.api_key_env];
  for (const variable of candidates) {
    const apiKey = env[variable];
    if (apiKey !== undefined && apiKey !== '') return { apiKey, variable };
  }
  const named = [...candidates].reverse().map((variable) => `\`${variable}\``).join(' or ');
  throw new InputError([
    {
      file: where.file,
      path: `models[${where.index}]${model.api_key_env === undefined ? '.provider' : '.api_key_env'}`,
      message: `model \`${model.id}\` needs an API key: the environment variable ${named} is not set`,
      fix: `set ${named} in the environment${model.api_key_env === undefined ? ', or name another variable with `api_key_env`' : ''} (keys are never read from the config)`,
    },
  ]);
}

/**
 * The key of an `openai-compatible` model: only from the variable its `api_key_env` names (then
 * required), never from OPENAI_API_KEY, which must not travel to a third-party server.
 */
export function optionalApiKey(model: ModelConfig, env: Environment, where: ModelLocation): ApiKey | undefined {
  if (model.api_key_env === undefined) return undefined;
  return requireApiKey({ ...model, provider: 'openai' }, env, where);
}
