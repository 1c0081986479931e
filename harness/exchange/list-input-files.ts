import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/input-error.ts';

/** An input file with the hash recorded as provenance. */
export interface InputFile {
  readonly path: string;
  readonly sha256: string;
}

/**
 * Expands folders to the files in them with one of `extensions` (not recursive: a folder of
 * sub-runs is named explicitly), sorted so that the import is the same whatever the file system order.
 */
export function listInputFiles(paths: readonly string[], extensions: readonly string[]): InputFile[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new InputError([{ file: path, path: '', message: 'no such file or folder', fix: 'check the path' }]);
    if (statSync(path).isDirectory()) {
      const found = readdirSync(path).filter((name) => extensions.some((extension) => name.endsWith(extension))).sort().map((name) => join(path, name));
      if (found.length === 0) throw new InputError([{ file: path, path: '', message: `the folder holds no ${extensions.join(' or ')} files`, fix: 'name the files, or the folder that holds them' }]);
      files.push(...found);
    } else files.push(path);
  }
  return files.map((path) => ({ path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') }));
}
