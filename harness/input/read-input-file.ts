import { readFileSync, statSync } from 'node:fs';
import type { InputProblem } from '../core/input-error.ts';

/** Largest suite or config file: inline tasks past this belong in a bulk task file. */
export const maxDocumentBytes = 8 * 1024 * 1024;
/** Largest bulk task file (JSONL or CSV); such files are read line by line into tasks. */
export const maxTaskFileBytes = 128 * 1024 * 1024;
const taskFileExtensions = ['.jsonl', '.ndjson', '.csv'];

/** Reads a user file as UTF-8, refusing missing, unreadable, oversized and non-UTF-8 files with a problem. */
export function readInputFile(file: string, shownAs: string = file): { text: string; bytes: Buffer } | InputProblem {
  try {
    const tooLarge = sizeProblem(file, statSync(file).size, shownAs);
    if (tooLarge !== undefined) return tooLarge;
    const bytes = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), bytes };
  } catch (error) {
    return readProblem(error, shownAs);
  }
}

/** The problem with a file of `size` bytes, when it is over its limit (task files have a larger one). */
export function sizeProblem(file: string, size: number, shownAs: string = file): InputProblem | undefined {
  const isTaskFile = taskFileExtensions.some((extension) => file.toLowerCase().endsWith(extension));
  const limit = isTaskFile ? maxTaskFileBytes : maxDocumentBytes;
  if (size <= limit) return undefined;
  const fix = isTaskFile ? 'split the tasks into several files' : 'move the tasks into a bulk JSONL or CSV file (`- file: data/tasks.jsonl`)';
  return { file: shownAs, path: '', message: `file is ${size} bytes, over the ${limit}-byte limit`, fix };
}

/** The problem a failed read (or a failed strict UTF-8 decode, a `TypeError`) stands for. */
export function readProblem(error: unknown, shownAs: string): InputProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { file: shownAs, path: '', message: 'file not found', fix: 'check the path' };
  if (code === 'EISDIR') return { file: shownAs, path: '', message: 'is a folder, not a file', fix: 'name a file' };
  if (error instanceof TypeError) return { file: shownAs, path: '', message: 'file is not valid UTF-8', fix: 'save the file as UTF-8' };
  return { file: shownAs, path: '', message: `cannot read the file (${code ?? String(error)})`, fix: 'check the file permissions' };
}
