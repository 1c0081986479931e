import { existsSync } from 'node:fs';
import { InputError } from '../../harness/core/input-error.ts';
import { connectStore } from '../../harness/store/connect-store.ts';
import type { Store } from '../../harness/store/store.ts';

/**
 * Opens a baton database read-only for the learner: learning never writes or migrates the store,
 * several fits may read one file at once, and a store from an older baton is read as it is (the
 * matrix reader detects optional columns such as `check_passed`).
 */
export async function openPolicyStore(path: string): Promise<Store> {
  if (!existsSync(path)) throw new InputError([{ file: path, path: '', message: 'no such database', fix: 'run `baton run` or `baton demo` first, or pass --db' }]);
  return connectStore(path, 'read-only');
}
