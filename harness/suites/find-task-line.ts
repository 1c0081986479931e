import { closeSync, openSync } from 'node:fs';
import type { TaskFileIndex } from './index-task-file.ts';
import { parseChunk, readFully } from './read-task-chunk.ts';

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
    readFully(fd, bytes, chunk.start);
  } finally {
    closeSync(fd);
  }
  const lines: number[] = [];
  parseChunk(index, chunk, bytes, ({ line }) => lines.push(line));
  return lines[position - (before - chunk.count)];
}
