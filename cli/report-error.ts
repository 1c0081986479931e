import { InputError, formatProblem } from '../harness/core/input-error.ts';
import { StoreLockedError, StoreVersionError } from '../harness/store/store.ts';
import { exitCodes } from './exit-codes.ts';

/** Thrown by commands for usage mistakes the parser cannot see (e.g. a missing database). */
export class UsageError extends Error {}

/**
 * Prints an error the way users should see it and returns the exit code. Input problems get
 * one line each (file, line, path, fix) and no stack trace; only unexpected errors show one,
 * and only with BATON_DEBUG=1.
 */
export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof InputError) {
    for (const problem of error.problems) stderr.write(`error: ${formatProblem(problem)}\n`);
    return exitCodes.badInput;
  }
  if (error instanceof StoreLockedError) {
    stderr.write(`error: ${error.message}. Fix: wait for the other run to finish, or use another --out folder\n`);
    return exitCodes.badInput;
  }
  if (error instanceof StoreVersionError) {
    stderr.write(`error: ${error.message}. Fix: upgrade baton, or use another --out folder\n`);
    return exitCodes.badInput;
  }
  if (error instanceof UsageError) {
    stderr.write(`error: ${error.message}\n`);
    return exitCodes.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`internal error: ${message}\n`);
  if (process.env.BATON_DEBUG === '1' && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else stderr.write('(set BATON_DEBUG=1 for the stack trace, and please report it)\n');
  return exitCodes.failures;
}
