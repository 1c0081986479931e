import { closeSync, openSync, readSync } from 'node:fs';
import type { TaskFileIndex } from './index-task-file.ts';
import { parseCsvRegion, parseJsonlRegion } from './parse-task-region.ts';
import { decodeRegion } from './scan-task-file.ts';

/**
 * The line of the `position`-th task (0-based, every parsed line counted) of an indexed task file,
 * read again from its chunk: kept for messages about a duplicate id, which are rare enough that
 * no line number is held per task. `undefined` if the file no longer has it.
 */
export function findTaskLine(index: TaskFileIndex, position: number): number | undefined {
  let before = 0;
  const chunk = index.chunks.find((candidate) => (before += candidate.count) > position);
  if (chunk === undefined) return undefined;
  const bytes = Buffer.alloc(chunk.end - chunk.start);
  const fd = openSync(index.file, 'r');
  try {
    readSync(fd, bytes, 0, bytes.length, chunk.start);
  } finally {
    closeSync(fd);
  }
  const lines: number[] = [];
  const region = { text: decodeRegion(bytes, chunk.start), firstLine: chunk.firstLine };
  if (index.format === 'jsonl') parseJsonlRegion(index.file, region, ({ line }) => lines.push(line), []);
  else parseCsvRegion(index.file, region, { columns: chunk.withHeader || index.csvColumns === undefined ? undefined : [...index.csvColumns] }, ({ line }) => lines.push(line));
  return lines[position - (before - chunk.count)];
}
