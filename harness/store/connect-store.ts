import { DuckDBInstance } from './duckdb-api.ts';
import { StoreLockedError, type Store } from './store.ts';

/**
 * Connects to a baton database file. Readers (reports, the policy learner) open it read-only:
 * they never migrate a file another baton may be using, and several may share it. A file held
 * by a writing process is reported as `StoreLockedError`, for the CLI's clear message.
 */
export async function connectStore(path: string, access: 'read-write' | 'read-only'): Promise<Store> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, access === 'read-only' ? { access_mode: 'READ_ONLY' } : undefined);
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
