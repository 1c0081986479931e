import { createHash, type Hash } from 'node:crypto';
import type { InputProblem } from '../core/input-error.ts';
import { longLineProblem, maxParseProblems, parseCsvRegion, parseJsonlRegion, type CsvHeader, type RawTaskLine } from './parse-task-region.ts';
import { scanTaskFile } from './scan-task-file.ts';

/** Consecutive tasks of a task file: where their bytes lie, and a digest of those bytes as first read. */
export interface TaskFileChunk {
  /** Byte range `[start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
  /** Tasks (non-blank lines, CSV rows) in the chunk. */
  readonly count: number;
  /** SHA-256 of the bytes. */
  readonly digest: Buffer;
  /** CSV: the chunk holds the header row too (it is the first with rows). */
  readonly withHeader: boolean;
}

/** A task file as its first reading found it: enough to read any chunk of it again, and to notice a change. */
export interface TaskFileIndex {
  /** Path as opened (the suite's folder joined with what the suite wrote). */
  readonly file: string;
  readonly format: 'jsonl' | 'csv';
  readonly size: number;
  readonly chunks: readonly TaskFileChunk[];
  /** CSV: the columns of the header row. */
  readonly csvColumns: readonly string[] | undefined;
}

/** What reading a task file through found: its index, or why it cannot be used. */
export type IndexedTaskFile =
  | { readonly index: TaskFileIndex }
  /** The file could not be read (missing, too large, not UTF-8): a problem of the suite's `file` entry. */
  | { readonly readProblem: InputProblem }
  /** Lines that do not parse: the file's tasks are dropped, these are reported instead. */
  | { readonly parseProblems: readonly InputProblem[] };

/**
 * Reads a task file once, start to end, holding one region of it at a time: every byte goes into
 * `hash` (the suite's hash), every task to `onTask` as it is parsed, and each region becomes a chunk
 * (byte range, line, task count, digest) from which a later pass reads those tasks again.
 */
export function indexTaskFile(file: string, shownAs: string, format: 'jsonl' | 'csv', hash: Hash, onTask: (row: RawTaskLine) => void): IndexedTaskFile {
  const chunks: TaskFileChunk[] = [];
  const parseProblems: InputProblem[] = [];
  const header: CsvHeader = { columns: undefined };
  let size = 0;
  let stopped = false;
  const readProblem = scanTaskFile(file, shownAs, format, {
    onBytes(bytes) {
      hash.update(bytes);
      size += bytes.length;
    },
    onRegion(region) {
      if (stopped) return;
      let count = 0;
      const withHeader = format === 'csv' && header.columns === undefined;
      const onLine = (row: RawTaskLine) => {
        count += 1;
        onTask(row);
      };
      if (format === 'jsonl') {
        parseJsonlRegion(file, region, onLine, parseProblems);
      } else {
        const problem = parseCsvRegion(file, region, header, onLine);
        // The CSV parser stops at its first problem, and so does the reading of the file.
        if (problem !== undefined) return void ((stopped = true), parseProblems.push(problem));
      }
      if (count > 0) chunks.push({ start: region.start, end: region.end, firstLine: region.firstLine, count, digest: createHash('sha256').update(region.bytes).digest(), withHeader });
    },
    onLongRecord(line, length, text) {
      if (stopped) return;
      if (text === undefined) {
        if (parseProblems.length < maxParseProblems) parseProblems.push(longLineProblem(file, line, length));
        return;
      }
      stopped = true;
      parseProblems.push(
        parseCsvRegion(file, { text, firstLine: line }, header, () => undefined) ?? {
          file, line, path: '', message: `no end of row within ${length} bytes`, fix: 'end each row with a newline (\\n), and check for an unclosed quote',
        },
      );
    },
  });
  if (readProblem !== undefined) return { readProblem };
  if (parseProblems.length > 0) return { parseProblems };
  return { index: { file, format, size, chunks, csvColumns: header.columns } };
}
