import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** An open baton database: one DuckDB file (or `:memory:`). */
export interface Store {
  readonly path: string;
  readonly connection: DuckDBConnection;
  readonly instance: DuckDBInstance;
  close(): void;
}

/** The database is held by another process. */
export class StoreLockedError extends Error {
  constructor(readonly path: string) {
    super(`the database ${path} is in use by another baton process`);
    this.name = 'StoreLockedError';
  }
}

/** The database was written by a newer baton. */
export class StoreVersionError extends Error {
  constructor(readonly path: string, readonly found: number, readonly supported: number) {
    super(`the database ${path} has schema version ${found}; this baton reads up to ${supported}`);
    this.name = 'StoreVersionError';
  }
}
