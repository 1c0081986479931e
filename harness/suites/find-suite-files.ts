import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/input-error.ts';

const suiteExtensions = ['.yaml', '.yml', '.json'];
/** Folders that hold task data or tooling, never suites. */
const skippedFolders = new Set(['data', 'node_modules', 'fixtures']);

/**
 * Expands the paths a user gave into suite files: files as given, folders searched
 * recursively for `.yaml`, `.yml` and `.json` (skipping `*.schema.json` and `data/` folders).
 */
export function findSuiteFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new InputError([{ file: path, path: '', message: 'no such file or folder', fix: 'check the path' }]);
    }
    if (!isFolder) files.push(path);
    else files.push(...walk(path));
  }
  if (files.length === 0) {
    throw new InputError([{ file: paths.join(', '), path: '', message: 'no suite files found', fix: 'name a .yaml, .yml or .json suite file or a folder holding some' }]);
  }
  return [...new Set(files)];
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : walk(path);
      const isSuite = suiteExtensions.some((extension) => entry.name.endsWith(extension)) && !entry.name.endsWith('.schema.json');
      return isSuite ? [path] : [];
    });
}
