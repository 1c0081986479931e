import { basename } from 'node:path';
import type { Store } from '../store/store.ts';
import type { ImportOptions } from './import-options.ts';
import type { InputFile } from './list-input-files.ts';
import { readColumnNames, requireColumns, tableReader } from './read-input-table.ts';
import { sqlIdentifier, sqlString } from './sql-text.ts';
import { numberedRows, stageSelect } from './stage-select.ts';
import type { SourceColumns } from './staged-rows.ts';

/**
 * RouteLLM's response CSVs: `prompt`, one `True`/`False` column per model and optionally a
 * `<model>_response` column with its answer. The file name gives suite and category:
 * `mmlu_anatomy.csv` is suite `mmlu`, category `anatomy`; `gsm8k_responses.csv` is `gsm8k` for both.
 * Task ids number the rows of each file (`anatomy-00012`), so they stay stable whatever is excluded.
 */
export async function stageRouteLlm(store: Store, files: readonly InputFile[], options: ImportOptions): Promise<SourceColumns> {
  for (const { path } of files) {
    const columns = await readColumnNames(store, path);
    requireColumns(path, columns, ['prompt', ...(options.categoryFrom === undefined ? [] : [options.categoryFrom])], 'pass a RouteLLM response CSV (prompt plus one True/False column per model)');
    const stem = basename(path).replace(/\.csv$/i, '').replace(/_responses$/, '');
    const split = stem.indexOf('_');
    const suite = options.name ?? (split > 0 ? stem.slice(0, split) : stem);
    const fileCategory = split > 0 ? stem.slice(split + 1) : stem;
    const category = options.categoryFrom === undefined ? sqlString(fileCategory) : sqlIdentifier(options.categoryFrom);
    const models = columns.filter((column) => column !== 'prompt' && column !== options.categoryFrom && !column.endsWith('_response'));
    for (const model of models) {
      const response = columns.includes(`${model}_response`) ? sqlIdentifier(`${model}_response`) : 'NULL';
      const value = sqlIdentifier(model);
      await stageSelect(store, path, {
        suite_id: sqlString(suite),
        task_id: `${sqlString(`${fileCategory}-`)} || lpad(CAST(__baton_row - 1 AS VARCHAR), 5, '0')`,
        category,
        prompt: 'prompt',
        model_id: sqlString(model),
        repeat_index: '0',
        score: `CASE lower(trim(${value})) WHEN 'true' THEN '1' WHEN 'false' THEN '0' ELSE ${value} END`,
        output: response,
      }, numberedRows(tableReader(path)));
    }
  }
  return { score: '<model column>', category: options.categoryFrom ?? 'file name', model_id: '<model column>' };
}
