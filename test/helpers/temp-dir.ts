import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder with a helper to write files into it; `remove` deletes it. */
export function createTempDir(prefix = 'baton-test-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    /** A path inside the folder; its parent folders are created (the folder may have been removed). */
    path(...parts: string[]): string {
      const file = join(root, ...parts);
      mkdirSync(dirname(file), { recursive: true });
      return file;
    },
    write(relative: string, content: string | Buffer): string {
      const file = join(root, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
