import { inspect } from 'node:util';

/** An Error for anything thrown: Errors as they are, other values described. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(typeof value === 'string' ? value : inspect(value));
}
