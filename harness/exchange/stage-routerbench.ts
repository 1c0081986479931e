import type { Store } from '../store/store.ts';
import type { ImportOptions } from './import-options.ts';
import type { InputFile } from './list-input-files.ts';
import { readColumnNames, requireColumns, tableReader } from './read-input-table.ts';
import { sqlIdentifier, sqlString } from './sql-text.ts';
import { numberedRows, stageSelect } from './stage-select.ts';
import type { SourceColumns } from './staged-rows.ts';

const fixed = ['sample_id', 'prompt', 'eval_name'];

/**
 * RouterBench's wide layout (CSV or Parquet): `sample_id`, `prompt`, `eval_name`, one score
 * column per model, `<model>|total_cost` and `<model>|model_response`; oracle columns are ignored.
 * Category: `eval_name` unless `--category-from` names another column.
 */
export async function stageRouterBench(store: Store, files: readonly InputFile[], options: ImportOptions): Promise<SourceColumns> {
  const categoryColumn = options.categoryFrom ?? 'eval_name';
  for (const { path } of files) {
    const columns = await readColumnNames(store, path);
    requireColumns(path, columns, [...fixed, categoryColumn], 'pass a RouterBench table (sample_id, prompt, eval_name, one score column per model)');
    const models = columns.filter((column) => !fixed.includes(column) && column !== categoryColumn && !column.includes('|') && !column.startsWith('oracle'));
    for (const model of models) {
      const optional = (suffix: string) => (columns.includes(`${model}|${suffix}`) ? sqlIdentifier(`${model}|${suffix}`) : 'NULL');
      await stageSelect(store, path, {
        suite_id: sqlString(options.name ?? 'routerbench'),
        task_id: 'sample_id',
        category: sqlIdentifier(categoryColumn),
        prompt: 'prompt',
        model_id: sqlString(model),
        repeat_index: '0',
        score: sqlIdentifier(model),
        cost_usd: optional('total_cost'),
        output: optional('model_response'),
      }, numberedRows(tableReader(path)));
    }
  }
  return { suite_id: '--name', task_id: 'sample_id', category: categoryColumn, model_id: '<model column>', score: '<model column>', cost_usd: '<model>|total_cost' };
}
