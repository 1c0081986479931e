import { InputError } from '../core/input-error.ts';
import type { Store } from '../store/store.ts';
import { cellText, sqlString } from './sql-text.ts';

/** The DuckDB reader for a CSV or Parquet file, every CSV value as text so that checks can name bad cells. */
export function tableReader(file: string): string {
  return /\.parquet$/i.test(file) ? `read_parquet(${sqlString(file)})` : `read_csv(${sqlString(file)}, header = true, all_varchar = true)`;
}

/** The column names of a CSV or Parquet file; unreadable files are input errors naming the file. */
export async function readColumnNames(store: Store, file: string): Promise<string[]> {
  const reader = await runOnFile(file, () => store.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${tableReader(file)}`));
  return reader.getRowObjectsJS().map((row) => cellText(row.column_name));
}

/** Runs a statement that reads `file`, turning DuckDB's read errors into an input error for that file. */
export async function runOnFile<T>(file: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unreadable';
    throw new InputError([{ file, path: '', message: `cannot read the file (${message.replace(/\.$/, '')})`, fix: 'check that it is the format named on the command line' }]);
  }
}

/** Throws an input error naming the missing columns of `file`. */
export function requireColumns(file: string, present: readonly string[], required: readonly string[], fix: string): void {
  const missing = required.filter((column) => !present.includes(column));
  if (missing.length > 0) {
    throw new InputError([{ file, path: '', message: `missing column(s) ${missing.map((column) => `\`${column}\``).join(', ')} (found ${present.map((column) => `\`${column}\``).join(', ')})`, fix }]);
  }
}
