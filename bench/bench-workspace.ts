import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch folder for one benchmark, removed by `remove`. */
export function createBenchWorkspace(name: string) {
  const root = join(tmpdir(), `baton-bench-${name}-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'data'), { recursive: true });
  return {
    root,
    path: (...parts: string[]) => join(root, ...parts),
    write(relative: string, text: string): string {
      const file = join(root, relative);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Writes a suite of `tasks` arithmetic tasks (bulk JSONL) with a numeric scorer; returns its path.
 * The file is written in chunks: an array of every line (and their join) would put the benchmark's
 * own scaffolding into the peak memory of the run it measures.
 */
export function writeArithmeticSuite(workspace: ReturnType<typeof createBenchWorkspace>, tasks: number): string {
  const file = openSync(workspace.path('data/tasks.jsonl'), 'w');
  try {
    for (let start = 0; start < tasks; start += 10_000) {
      let chunk = '';
      for (let index = start; index < Math.min(tasks, start + 10_000); index += 1) {
        chunk += `${JSON.stringify({ id: `t${index}`, category: index % 2 === 0 ? 'even' : 'odd', vars: { a: index, b: 2 }, expected: index + 2 })}\n`;
      }
      writeSync(file, chunk);
    }
  } finally {
    closeSync(file);
  }
  return workspace.write('suite.yaml', 'suite: bench\nversion: 1\nprompt: "What is {{a}} + {{b}}?"\ndefaults: { scorer: { type: numeric }, generation: { max_tokens: 32 } }\ntasks:\n  - file: data/tasks.jsonl\n');
}
