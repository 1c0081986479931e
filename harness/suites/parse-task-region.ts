import { parse as parseCsv } from 'csv-parse/sync';
import type { InputProblem } from '../core/input-error.ts';
import { maxLineLength } from './scan-task-file.ts';

/** One raw task read from a bulk file, with the line it came from. */
export interface RawTaskLine {
  readonly value: unknown;
  readonly line: number;
}

/** Parse problems kept per task file: past these, the first ones are what to fix. */
export const maxParseProblems = 5;

/** Decoded text of whole records, and the 1-based line it starts on. */
export interface RegionText {
  readonly text: string;
  readonly firstLine: number;
}

/** What a CSV file's later regions need from its first: the column names of the header row. */
export interface CsvHeader {
  columns: string[] | undefined;
}

/**
 * Parses one region of a JSONL file (one task object per line), handing each task to `onLine`.
 * Parse problems (invalid JSON, over-long lines) go to `problems`; once a file has one, its
 * tasks are dropped, so no more are handed on.
 */
export function parseJsonlRegion(file: string, region: RegionText, onLine: (row: RawTaskLine) => void, problems: InputProblem[]): void {
  const { text } = region;
  // Line by line without splitting the whole text: an array of every line would outlive the parse.
  for (let start = 0, index = region.firstLine; start < text.length; index += 1) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length : end + 1;
    if (raw.length > maxLineLength) {
      if (problems.length < maxParseProblems) problems.push(longLineProblem(file, index, raw.length));
      continue;
    }
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      if (problems.length < maxParseProblems) problems.push({ file, line: index, path: '', message: `invalid JSON: ${(error as Error).message}`, fix: 'write one JSON object per line' });
      continue;
    }
    if (problems.length === 0) onLine({ value, line: index });
  }
}

/** The problem of a JSONL line over the length limit. */
export function longLineProblem(file: string, line: number, length: number): InputProblem {
  return { file, line, path: '', message: `line is ${length} characters, over the ${maxLineLength}-character limit`, fix: 'keep each task under 1 MB; put large inputs in several tasks' };
}

/**
 * Parses one region of a CSV file. Columns: `id`, `category`, `tags` (separated by `|`),
 * `expected`; every other column becomes a var of the same name. Empty `category`/`expected`
 * cells mean "not given". The first region holds the header row (`header` is filled from it);
 * later ones are parsed with its columns. Returns the region's problem (the parser stops at the
 * first), with line numbers counted from the start of the file.
 */
export function parseCsvRegion(file: string, region: RegionText, header: CsvHeader, onLine: (row: RawTaskLine) => void): InputProblem | undefined {
  const shift = region.firstLine - 1;
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv<{ record: Record<string, string>; info: { lines: number } }>(region.text, {
      columns: header.columns ?? ((names: string[]) => (header.columns = names)),
      skip_empty_lines: true,
      info: true,
      bom: true,
      trim: false,
      max_record_size: maxLineLength,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    // The parser counts lines from the start of the region; its message says so too.
    const message = shift === 0 ? (error as Error).message : (error as Error).message.replace(/\bline (\d+)/g, (_match, number: string) => `line ${Number(number) + shift}`);
    return { file, ...(line === undefined ? {} : { line: line + shift }), path: '', message: `invalid CSV: ${message}`, fix: 'check the quoting and the number of columns on that line' };
  }
  for (const { record, info } of records) onLine({ value: csvRowToTask(record), line: info.lines + shift });
  return undefined;
}

function csvRowToTask(record: Record<string, string>): Record<string, unknown> {
  const { id, category, tags, expected, ...vars } = record;
  const task: Record<string, unknown> = { id, vars };
  if (category !== undefined && category !== '') task.category = category;
  if (tags !== undefined && tags !== '') task.tags = tags.split('|').map((tag) => tag.trim()).filter((tag) => tag !== '');
  if (expected !== undefined && expected !== '') task.expected = expected;
  return task;
}
