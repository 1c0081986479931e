import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { z } from 'zod';

/** Runs one SQL query and parses every row at the boundary, like any other input. */
export async function queryRows<T extends z.ZodType>(connection: DuckDBConnection, sql: string, values: Record<string, DuckDBValue>, schema: T): Promise<z.output<T>[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJS().map((row) => schema.parse(row));
}
