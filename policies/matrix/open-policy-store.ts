import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { InputError } from '../../harness/core/input-error.ts';
import { StoreLockedError, type Store } from '../../harness/store/store.ts';

/**
 * Opens a baton database read-only for the learner: learning never writes or migrates the store,
 * several fits may read one file at once, and a store from an older baton is read as it is (the
 * matrix reader detects optional columns such as `check_passed`).
 */
export async function openPolicyStore(path: string): Promise<Store> {
  if (!existsSync(path)) throw new InputError([{ file: path, path: '', message: 'no such database', fix: 'run `baton run` or `baton demo` first, or pass --db' }]);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  } catch (error) {
    if (/lock/i.test(String(error))) throw new StoreLockedError(path);
    throw error;
  }
  const connection = await instance.connect();
  return {
    path,
    connection,
    instance,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
