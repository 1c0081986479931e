import { basename } from 'node:path';
import type { Store } from '../store/store.ts';
import type { ImportOptions, LongColumns } from './import-options.ts';
import type { InputFile } from './list-input-files.ts';
import { readColumnNames, requireColumns, tableReader } from './read-input-table.ts';
import { sqlIdentifier, sqlString } from './sql-text.ts';
import { numberedRows, stageSelect } from './stage-select.ts';
import type { SourceColumns } from './staged-rows.ts';

/** Default column names of the long layout; each has a `--*-column` flag. */
export const defaultLongColumns: LongColumns = { task: 'task_id', model: 'model', score: 'score' };

/**
 * A long table (CSV or Parquet), one row per attempt, with columns named by flags. Optional
 * columns (cost, tokens, latency, ...) are read when named, or when a column of the default name exists.
 */
export async function stageLong(store: Store, files: readonly InputFile[], options: ImportOptions): Promise<SourceColumns> {
  const mapping = { ...defaultLongColumns, ...options.long };
  const categoryColumn = options.categoryFrom ?? 'category';
  let sources: SourceColumns = {};
  for (const { path } of files) {
    const columns = await readColumnNames(store, path);
    const named = [mapping.task, mapping.model, mapping.score, mapping.suite, mapping.prompt, mapping.repeat, mapping.passed, mapping.cost, mapping.inputTokens, mapping.outputTokens, mapping.reasoningTokens, mapping.latency, mapping.output, options.categoryFrom];
    requireColumns(path, columns, named.filter((column) => column !== undefined), 'name the columns with --task-column, --model-column, --score-column, ... (see `baton import --help`)');
    const pick = (given: string | undefined, fallback: string) => given ?? (columns.includes(fallback) ? fallback : undefined);
    const chosen = {
      suite_id: mapping.suite, task_id: mapping.task, model_id: mapping.model, score: mapping.score,
      category: columns.includes(categoryColumn) ? categoryColumn : undefined,
      prompt: pick(mapping.prompt, 'prompt'), repeat_index: pick(mapping.repeat, 'repeat'), passed: pick(mapping.passed, 'passed'),
      cost_usd: pick(mapping.cost, 'cost_usd'), input_tokens: pick(mapping.inputTokens, 'input_tokens'), output_tokens: pick(mapping.outputTokens, 'output_tokens'),
      reasoning_tokens: pick(mapping.reasoningTokens, 'reasoning_tokens'), latency_ms: pick(mapping.latency, 'latency_ms'), output: pick(mapping.output, 'output'),
    };
    const suite = sqlString(options.name ?? basename(path).replace(/\.(csv|parquet)$/i, ''));
    const column = (name: string | undefined, otherwise: string) => (name === undefined ? otherwise : sqlIdentifier(name));
    await stageSelect(store, path, {
      suite_id: column(chosen.suite_id, suite),
      task_id: column(chosen.task_id, 'NULL'),
      // Without a category column each suite is one category, so policies still have a routing key.
      category: column(chosen.category, column(chosen.suite_id, suite)),
      prompt: column(chosen.prompt, 'NULL'),
      model_id: column(chosen.model_id, 'NULL'),
      repeat_index: column(chosen.repeat_index, '0'),
      score: column(chosen.score, 'NULL'),
      passed: column(chosen.passed, 'NULL'),
      cost_usd: column(chosen.cost_usd, 'NULL'),
      input_tokens: column(chosen.input_tokens, 'NULL'),
      output_tokens: column(chosen.output_tokens, 'NULL'),
      reasoning_tokens: column(chosen.reasoning_tokens, 'NULL'),
      latency_ms: column(chosen.latency_ms, 'NULL'),
      output: column(chosen.output, 'NULL'),
    }, numberedRows(tableReader(path)));
    sources = Object.fromEntries(Object.entries(chosen).filter(([, name]) => name !== undefined));
  }
  return sources;
}
