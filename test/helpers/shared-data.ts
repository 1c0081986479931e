import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Real outcome data shared between projects (see its README); read in place, never copied. */
export const sharedData = resolve(repoRoot, '../shared/data');

/** Whether the shared data is there; tests that need it skip with a message when it is not. */
export function hasSharedData(): boolean {
  return existsSync(resolve(sharedData, 'routellm')) && existsSync(resolve(sharedData, 'pricing-reversal'));
}
