import { readFileSync, statSync } from 'node:fs';
import type { InputProblem } from '../core/input-error.ts';

/** Largest file baton will read as a suite, config or task file. */
export const maxInputBytes = 64 * 1024 * 1024;

/** Reads a user file as UTF-8, refusing missing, unreadable, oversized and non-UTF-8 files with a problem. */
export function readInputFile(file: string, shownAs: string = file): { text: string; bytes: Buffer } | InputProblem {
  try {
    const size = statSync(file).size;
    if (size > maxInputBytes) {
      return { file: shownAs, path: '', message: `file is ${size} bytes, over the ${maxInputBytes}-byte limit`, fix: 'split the tasks into several files' };
    }
    const bytes = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file: shownAs, path: '', message: 'file not found', fix: 'check the path' };
    if (code === 'EISDIR') return { file: shownAs, path: '', message: 'is a folder, not a file', fix: 'name a file' };
    if (error instanceof TypeError) return { file: shownAs, path: '', message: 'file is not valid UTF-8', fix: 'save the file as UTF-8' };
    return { file: shownAs, path: '', message: `cannot read the file (${code ?? String(error)})`, fix: 'check the file permissions' };
  }
}
