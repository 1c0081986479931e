import { InputError, type InputProblem } from '../core/input-error.ts';
import { cellText } from './sql-text.ts';
import type { Store } from '../store/store.ts';
import { stagedNumberColumns, stagedRowsTable, type SourceColumns } from './staged-rows.ts';

const maxProblems = 10;

/**
 * Checks the staged rows before anything is written: keys present, numbers that parse, scores in
 * [0, 1], no attempt twice. Throws one input error with up to ten problems, each naming file,
 * row and source column.
 */
export async function checkStagedRows(store: Store, sources: SourceColumns, paths: readonly string[]): Promise<number> {
  const checks: string[] = [];
  for (const column of ['suite_id', 'task_id', 'category', 'model_id'] as const) {
    checks.push(`SELECT source_file, source_row, '${column}' AS col, 'is empty' AS message, NULL AS other FROM ${stagedRowsTable} WHERE ${column} IS NULL OR trim(${column}) = ''`);
  }
  for (const column of stagedNumberColumns) {
    checks.push(`SELECT source_file, source_row, '${column}', '\`' || ${column} || '\` is not a number', NULL FROM ${stagedRowsTable} WHERE trim(${column}) <> '' AND TRY_CAST(${column} AS DOUBLE) IS NULL`);
  }
  checks.push(`SELECT source_file, source_row, 'score', 'is empty', NULL FROM ${stagedRowsTable} WHERE score IS NULL OR trim(score) = ''`);
  checks.push(`SELECT source_file, source_row, 'score', '\`' || score || '\` is outside [0, 1]', NULL FROM ${stagedRowsTable} WHERE NOT (TRY_CAST(score AS DOUBLE) BETWEEN 0 AND 1)`);
  checks.push(`SELECT source_file, source_row, 'passed', '\`' || passed || '\` is not true or false', NULL FROM ${stagedRowsTable} WHERE trim(passed) <> '' AND TRY_CAST(passed AS BOOLEAN) IS NULL`);
  checks.push(`SELECT source_file, source_row, 'task_id', 'repeats the attempt (' || suite_id || ', ' || task_id || ', ' || model_id || ', repeat ' || coalesce(repeat_index, '0') || ') of ' || first_file || ' row ' || first_row, first_file FROM (
      SELECT *, first_value(source_file) OVER key AS first_file, first_value(source_row) OVER key AS first_row, row_number() OVER key AS n FROM ${stagedRowsTable}
      WINDOW key AS (PARTITION BY suite_id, task_id, model_id, coalesce(TRY_CAST(repeat_index AS DOUBLE), 0) ORDER BY source_file, source_row)
    ) WHERE n > 1`);
  const reader = await store.connection.runAndReadAll(`SELECT * FROM (${checks.join(' UNION ALL ')}) ORDER BY source_file, source_row LIMIT ${maxProblems}`);
  const problems: InputProblem[] = reader.getRowObjectsJS().map((row) => {
    const column = cellText(row.col) as keyof SourceColumns;
    const duplicate = row.other !== null;
    return {
      file: cellText(row.source_file),
      path: `row ${cellText(row.source_row)} column \`${sources[column] ?? column}\``,
      message: cellText(row.message),
      fix: duplicate ? 'remove the duplicate, or map a suite or repeat column so that each (suite, task, model, repeat) is unique' : 'correct the value (scores are numbers in [0, 1]; tokens, cost and latency are numbers)',
    };
  });
  if (problems.length > 0) throw new InputError(problems);
  const count = Number((await store.connection.runAndReadAll(`SELECT count(*) AS n FROM ${stagedRowsTable}`)).getRowObjectsJS()[0]?.n ?? 0);
  if (count === 0) throw new InputError([{ file: paths.join(', '), path: '', message: 'no attempts to import', fix: 'check the files and the --exclude-prompts list' }]);
  return count;
}
