import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations, schemaVersion } from './migrations.ts';
import { connectStore } from './connect-store.ts';
import { StoreVersionError, type Store } from './store.ts';

/** Opens (creating if needed) a baton database and brings its schema up to date. */
export async function openStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const store = await connectStore(path, 'read-write');
  try {
    await migrate(store);
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

async function migrate(store: Store): Promise<void> {
  const { connection } = store;
  await connection.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)');
  const reader = await connection.runAndReadAll('SELECT coalesce(max(version), 0)::INTEGER AS version FROM schema_version');
  const current = Number(reader.getRowObjectsJS()[0]?.version ?? 0);
  if (current > schemaVersion) throw new StoreVersionError(store.path, current, schemaVersion);
  for (let version = current + 1; version <= schemaVersion; version += 1) {
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(migrations[version - 1] ?? '');
      await connection.run('INSERT INTO schema_version (version) VALUES ($1)', [version]);
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
  }
}
