import type { Store } from '../store/store.ts';
import { stagedRowsTable } from './staged-rows.ts';
import type { ImportOptions } from './import-options.ts';
import type { InputFile } from './list-input-files.ts';
import { runOnFile } from './read-input-table.ts';
import { sqlString } from './sql-text.ts';
import { rowColumn, stageSelect } from './stage-select.ts';
import type { SourceColumns } from './staged-rows.ts';

/**
 * Per-(dataset, model) JSON files with `model_name`, `dataset_name` and `records[]` of index,
 * prompt, prediction, ground_truth, score, cost and prompt/completion/thinking tokens (the
 * pricing-reversal `raw/` layout). Several files of the same (dataset, model), such as repeated
 * trials, become repeats 0, 1, ... in file-name order. Category: the dataset, or `--category-from`
 * naming a record field (or a top-level field).
 */
export async function stageCollector(store: Store, files: readonly InputFile[], options: ImportOptions): Promise<SourceColumns> {
  const field = (name: string) => `(record ->> ${sqlString(name)})`;
  for (const { path } of files) {
    const from = `(SELECT document ->> 'model_name' AS model_name, document ->> 'dataset_name' AS dataset_name, document, unnest(records) AS record, generate_subscripts(records, 1) AS ${rowColumn}
      FROM (SELECT json AS document, json_extract(json, '$.records[*]') AS records FROM read_json_objects(${sqlString(path)}, format = 'auto', maximum_object_size = 1073741824)))`;
    const category = options.categoryFrom === undefined ? 'dataset_name' : `coalesce(${field(options.categoryFrom)}, document ->> ${sqlString(options.categoryFrom)})`;
    await stageSelect(store, path, {
      suite_id: options.name === undefined ? 'dataset_name' : sqlString(options.name),
      task_id: field('index'),
      category,
      prompt: field('prompt'),
      expected: field('ground_truth'),
      model_id: 'model_name',
      repeat_index: '0',
      score: field('score'),
      cost_usd: field('cost'),
      input_tokens: field('prompt_tokens'),
      output_tokens: field('completion_tokens'),
      reasoning_tokens: field('thinking_tokens'),
      output: field('prediction'),
    }, from);
  }
  await runOnFile(files[0]?.path ?? '', () =>
    store.connection.run(`UPDATE ${stagedRowsTable} SET repeat_index = ranked.repeat FROM (
      SELECT rowid AS id, CAST(dense_rank() OVER (PARTITION BY suite_id, model_id ORDER BY source_file) - 1 AS VARCHAR) AS repeat FROM ${stagedRowsTable}
    ) AS ranked WHERE ${stagedRowsTable}.rowid = ranked.id`),
  );
  return { suite_id: 'dataset_name', task_id: 'records[].index', category: options.categoryFrom ?? 'dataset_name', model_id: 'model_name', score: 'records[].score', cost_usd: 'records[].cost', input_tokens: 'records[].prompt_tokens', output_tokens: 'records[].completion_tokens', reasoning_tokens: 'records[].thinking_tokens' };
}
