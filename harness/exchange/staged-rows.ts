/**
 * Every importer first loads its files into this temporary table, one row per attempt, with
 * numbers kept as text: the checks can then name the file, row and column of a bad value
 * before anything is written to the run tables.
 */
export const stagedRowsTable = 'import_rows';

/** The staged columns that must hold numbers when present, with the user-facing role of each. */
export const stagedNumberColumns = ['score', 'cost_usd', 'input_tokens', 'output_tokens', 'reasoning_tokens', 'latency_ms', 'repeat_index'] as const;

/** Creates (or empties) the staging table on the store's connection. */
export const createStagedRowsSql = `CREATE OR REPLACE TEMP TABLE ${stagedRowsTable} (
  source_file VARCHAR NOT NULL,
  source_row BIGINT NOT NULL,
  suite_id VARCHAR,
  task_id VARCHAR,
  category VARCHAR,
  prompt VARCHAR,
  expected VARCHAR,
  model_id VARCHAR,
  repeat_index VARCHAR,
  score VARCHAR,
  passed VARCHAR,
  cost_usd VARCHAR,
  input_tokens VARCHAR,
  output_tokens VARCHAR,
  reasoning_tokens VARCHAR,
  latency_ms VARCHAR,
  output VARCHAR
)`;

/**
 * Where each staged column came from in the user's files, for error messages: the staged column
 * name maps to the source column (or JSON field) name.
 */
export type SourceColumns = Partial<Record<'suite_id' | 'task_id' | 'category' | 'model_id' | (typeof stagedNumberColumns)[number] | 'passed', string>>;
