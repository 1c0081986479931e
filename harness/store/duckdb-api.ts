import { createRequire } from 'node:module';
import type * as DuckDBModule from '@duckdb/node-api';

/**
 * `@duckdb/node-api`, loaded through its CommonJS build: as an ES module import its ~180
 * CommonJS files went through Node's ESM loader (0.30 s of CPU to load, against 0.17 s with
 * `require`), a cost every command that opens a store paid at start-up. Every module of baton
 * takes DuckDB's values from here, so there is one copy of its classes (`instanceof` holds);
 * types may still be imported from the package itself.
 */
const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDBModule;

export const { BIGINT, BOOLEAN, DOUBLE, INTEGER, LIST, listValue, TIMESTAMP, timestampValue, VARCHAR } = duckdb;

// Classes: the value from the CommonJS build, the type from the package's declarations.
export const { DuckDBDataChunk, DuckDBInstance, DuckDBListVector, DuckDBPendingResultState, DuckDBVector } = duckdb;
export type DuckDBDataChunk = DuckDBModule.DuckDBDataChunk;
export type DuckDBInstance = DuckDBModule.DuckDBInstance;
export type DuckDBListVector = DuckDBModule.DuckDBListVector;
export type DuckDBVector = DuckDBModule.DuckDBVector;
