import { parse as parseCsv } from 'csv-parse/sync';
import type { InputProblem } from '../core/input-error.ts';

/** Longest line (one task) of a bulk task file, in characters. */
const maxLineLength = 1024 * 1024;

/** One raw task read from a bulk file, with the line it came from. */
export interface RawTaskLine {
  readonly value: unknown;
  readonly line: number;
}

/**
 * Reads JSONL (one task object per line) or CSV (header row; see `csvRowToTask`), handing each
 * task to `onLine` as it is read, so that a large file's raw values never all sit in memory at
 * once. Returns the file's parse problems: when there are any, the caller drops what it was handed.
 */
export function readTaskLines(file: string, text: string, format: 'jsonl' | 'csv', onLine: (row: RawTaskLine) => void): InputProblem[] {
  if (format === 'jsonl') return readJsonl(file, text, onLine);
  const rows = parseCsvTasks(file, text);
  if (rows.length > 0 && 'message' in rows[0]!) return rows as InputProblem[];
  (rows as RawTaskLine[]).forEach(onLine);
  return [];
}

function readJsonl(file: string, text: string, onLine: (row: RawTaskLine) => void): InputProblem[] {
  const problems: InputProblem[] = [];
  // Line by line without splitting the whole text: an array of every line would outlive the parse.
  for (let start = 0, index = 0; start <= text.length; index += 1) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length + 1 : end + 1;
    if (raw.length > maxLineLength) {
      problems.push({ file, line: index + 1, path: '', message: `line is ${raw.length} characters, over the ${maxLineLength}-character limit`, fix: 'keep each task under 1 MB; put large inputs in several tasks' });
      continue;
    }
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      problems.push({ file, line: index + 1, path: '', message: `invalid JSON: ${(error as Error).message}`, fix: 'write one JSON object per line' });
      continue;
    }
    // Once the file has a parse problem, its tasks are dropped: no need to hand them on.
    if (problems.length === 0) onLine({ value, line: index + 1 });
  }
  return problems.slice(0, 5);
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
