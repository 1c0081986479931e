import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../core/input-error.ts';
import type { Task } from '../core/suite.ts';
import type { TaskFileChunk, TaskFileIndex } from './index-task-file.ts';
import type { TaskBuilder } from './build-task.ts';
import { parseCsvRegion, parseJsonlRegion, type RawTaskLine } from './parse-task-region.ts';
import { countNewlines, decodeRegion } from './scan-task-file.ts';

/**
 * Reads one chunk of a task file again, into tasks. The file must be as it was when the suite was
 * loaded: same size, and the chunk's bytes the same digest, or no task of it is handed out (the run
 * would otherwise mix two versions of the file under one suite hash).
 */
export function readTaskChunk(index: TaskFileIndex, chunk: TaskFileChunk, builder: TaskBuilder): Task[] {
  const bytes = scratchBytes(chunk.end - chunk.start);
  let size: number;
  try {
    const fd = openSync(index.file, 'r');
    try {
      size = fstatSync(fd).size;
      if (size === index.size) readFully(fd, bytes, chunk.start);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw changed(index, chunk, `it cannot be read any more (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size !== index.size) throw changed(index, chunk, `it was ${index.size} bytes and is now ${size}`);
  if (!createHash('sha256').update(bytes).digest().equals(chunk.digest)) throw changed(index, chunk, `lines ${chunk.firstLine}-${lastLine(bytes, chunk.firstLine)} are not what they were`);
  const tasks: Task[] = [];
  // Every line was checked when the suite was loaded, and the bytes are the same.
  parseChunk(index, chunk, bytes, ({ value, line }) => void tasks.push(builder.rebuild(value, { file: index.file, line })));
  if (tasks.length !== chunk.count) throw changed(index, chunk, `lines ${chunk.firstLine}-${lastLine(bytes, chunk.firstLine)} hold ${tasks.length} tasks, not ${chunk.count}`);
  return tasks;
}

/** Chunks up to this size are read into one buffer kept for the next: larger ones get their own. */
const scratchLimit = 1024 * 1024;
let scratch = Buffer.allocUnsafe(0);

/**
 * A buffer of `size` bytes for a chunk's bytes, which nothing keeps once the chunk is parsed (its
 * text is decoded into strings). A fresh buffer per chunk (~64 KB) was garbage the collector found
 * late: a run's chunk reads held up to ~40 MB of dead buffers at a time (1M-attempt run).
 */
function scratchBytes(size: number): Buffer {
  if (size > scratchLimit) return Buffer.allocUnsafe(size);
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
  return scratch.subarray(0, size);
}

/** Parses the bytes of `chunk` into its raw task lines; a CSV chunk after the first is read with the header's columns. */
export function parseChunk(index: TaskFileIndex, chunk: TaskFileChunk, bytes: Buffer, onLine: (row: RawTaskLine) => void): void {
  const region = { text: decodeRegion(bytes, chunk.start), firstLine: chunk.firstLine };
  if (index.format === 'jsonl') parseJsonlRegion(index.file, region, onLine, []);
  else parseCsvRegion(index.file, region, { columns: chunk.withHeader || index.csvColumns === undefined ? undefined : [...index.csvColumns] }, onLine);
}

/** The line the chunk's bytes end on (a final newline ends that line, it starts none). */
function lastLine(bytes: Buffer, firstLine: number): number {
  return firstLine + countNewlines(bytes) - (bytes.at(-1) === 0x0a ? 1 : 0);
}

/** Fills `into` from `position` of the open file, or throws if the file ends first. */
export function readFully(fd: number, into: Buffer, position: number): void {
  for (let filled = 0; filled < into.length; ) {
    const read = readSync(fd, into, filled, into.length - filled, position + filled);
    if (read === 0) throw Object.assign(new Error('the file is shorter than it was'), { code: 'ESHORT' });
    filled += read;
  }
}

function changed(index: TaskFileIndex, chunk: TaskFileChunk, how: string): InputError {
  return new InputError([
    {
      file: index.file,
      line: chunk.firstLine,
      path: '',
      message: `task file changed since the suite was loaded: ${how}`,
      fix: 'leave task files as they are while a run reads them; run again (or resume, once the file is back as it was)',
    },
  ]);
}
