import type { Store } from '../store/store.ts';
import { runOnFile } from './read-input-table.ts';
import { sqlString } from './sql-text.ts';
import { stagedRowsTable } from './staged-rows.ts';

/** A staged column (see `staged-rows.ts`) and the SQL expression that fills it. */
export type StagedValues = Partial<Record<'suite_id' | 'task_id' | 'category' | 'prompt' | 'expected' | 'model_id' | 'repeat_index' | 'score' | 'passed' | 'cost_usd' | 'input_tokens' | 'output_tokens' | 'reasoning_tokens' | 'latency_ms' | 'output', string>>;

/** Name of the 1-based row number column that `from` must provide. */
export const rowColumn = '__baton_row';

/**
 * Appends one file's rows to the staging table. `from` is a relation with a {@link rowColumn}
 * column; every value is cast to text so that bad cells are found by the checks, not by a cast here.
 */
export async function stageSelect(store: Store, file: string, values: StagedValues, from: string): Promise<void> {
  const entries = Object.entries(values);
  const columns = ['source_file', 'source_row', ...entries.map(([column]) => column)].join(', ');
  const expressions = [sqlString(file), rowColumn, ...entries.map(([, expression]) => `CAST(${expression} AS VARCHAR)`)].join(', ');
  await runOnFile(file, () => store.connection.run(`INSERT INTO ${stagedRowsTable} (${columns}) SELECT ${expressions} FROM ${from}`));
}

/** Numbers a reader's rows in file order (DuckDB keeps insertion order for a single file). */
export function numberedRows(reader: string): string {
  return `(SELECT *, row_number() OVER () AS ${rowColumn} FROM ${reader})`;
}
