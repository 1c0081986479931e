/** A SQL string literal: file paths and column names come from users, so they are always quoted. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL identifier (column name), quoted so that names like `mistralai/Mixtral` or `a|total_cost` work. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value read back from DuckDB as text (rows come back as `unknown`; lint rightly refuses a bare `String()`). */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}
