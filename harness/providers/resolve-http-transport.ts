import { InputError } from '../core/input-error.ts';
import type { Environment } from './resolve-api-key.ts';

/**
 * How HTTP providers reach their API: `node`, a fetch on `node:http` with keep-alive agents
 * (the default: about a third less client CPU per streamed call than the built-in fetch), or `fetch`,
 * the built-in fetch (undici), kept as a fallback.
 */
export type HttpTransport = 'node' | 'fetch';

/** The environment variable that chooses the {@link HttpTransport}. */
export const httpTransportVariable = 'BATON_HTTP_TRANSPORT';

/** Reads `BATON_HTTP_TRANSPORT` (unset or empty: `node`); any other value is an `InputError`. */
export function resolveHttpTransport(env: Environment): HttpTransport {
  const value = env[httpTransportVariable];
  if (value === undefined || value === '' || value === 'node') return 'node';
  if (value === 'fetch') return 'fetch';
  throw new InputError([
    {
      file: 'environment',
      path: httpTransportVariable,
      message: `Expected \`${httpTransportVariable}\` to be \`node\` or \`fetch\`, got \`${value}\``,
      fix: `unset ${httpTransportVariable} (the node:http transport) or set it to \`fetch\` (the built-in fetch)`,
    },
  ]);
}
