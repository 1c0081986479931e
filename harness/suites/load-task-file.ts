import { parse as parseCsv } from 'csv-parse/sync';
import type { InputProblem } from '../core/input-error.ts';

/** Longest line (one task) of a bulk task file, in characters. */
const maxLineLength = 1024 * 1024;

/** One raw task read from a bulk file, with the line it came from. */
export interface RawTaskLine {
  readonly value: unknown;
  readonly line: number;
}

/** Reads JSONL (one task object per line) or CSV (header row; see `csvRowToTask`). */
export function parseTaskFile(file: string, text: string, format: 'jsonl' | 'csv'): RawTaskLine[] | InputProblem[] {
  return format === 'jsonl' ? parseJsonl(file, text) : parseCsvTasks(file, text);
}

function parseJsonl(file: string, text: string): RawTaskLine[] | InputProblem[] {
  const rows: RawTaskLine[] = [];
  const problems: InputProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.length > maxLineLength) {
      problems.push({ file, line: index + 1, path: '', message: `line is ${raw.length} characters, over the ${maxLineLength}-character limit`, fix: 'keep each task under 1 MB; put large inputs in several tasks' });
      return;
    }
    const line = raw.trim();
    if (line === '') return;
    try {
      rows.push({ value: JSON.parse(line) as unknown, line: index + 1 });
    } catch (error) {
      problems.push({ file, line: index + 1, path: '', message: `invalid JSON: ${(error as Error).message}`, fix: 'write one JSON object per line' });
    }
  });
  return problems.length > 0 ? problems.slice(0, 5) : rows;
}

/**
 * CSV columns: `id`, `category`, `tags` (separated by `|`), `expected`; every other column
 * becomes a var of the same name. Empty `category`/`expected` cells mean "not given".
 */
function parseCsvTasks(file: string, text: string): RawTaskLine[] | InputProblem[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv<{ record: Record<string, string>; info: { lines: number } }>(text, { columns: true, skip_empty_lines: true, info: true, bom: true, trim: false, max_record_size: maxLineLength });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return [{ file, ...(line === undefined ? {} : { line }), path: '', message: `invalid CSV: ${(error as Error).message}`, fix: 'check the quoting and the number of columns on that line' }];
  }
  return records.map(({ record, info }) => ({ value: csvRowToTask(record), line: info.lines }));
}

function csvRowToTask(record: Record<string, string>): Record<string, unknown> {
  const { id, category, tags, expected, ...vars } = record;
  const task: Record<string, unknown> = { id, vars };
  if (category !== undefined && category !== '') task.category = category;
  if (tags !== undefined && tags !== '') task.tags = tags.split('|').map((tag) => tag.trim()).filter((tag) => tag !== '');
  if (expected !== undefined && expected !== '') task.expected = expected;
  return task;
}
