import type { DuckDBConnection } from '@duckdb/node-api';

/** What the report found in the database's schema, read at run time rather than assumed. */
export interface StoreSchema {
  /** The `judgments` table (judge calls booked apart) exists. */
  readonly hasJudgments: boolean;
}

/** A database opened for reading: reports never migrate or write. */
export interface ReportStore {
  readonly path: string;
  readonly connection: DuckDBConnection;
  readonly schema: StoreSchema;
  close(): void;
}
