import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** Writes a suite of `tasks` arithmetic tasks (bulk JSONL) with a numeric scorer; returns its path. */
export function writeArithmeticSuite(workspace: ReturnType<typeof createBenchWorkspace>, tasks: number): string {
  const lines: string[] = [];
  for (let index = 0; index < tasks; index += 1) {
    lines.push(JSON.stringify({ id: `t${index}`, category: index % 2 === 0 ? 'even' : 'odd', vars: { a: index, b: 2 }, expected: index + 2 }));
  }
  workspace.write('data/tasks.jsonl', `${lines.join('\n')}\n`);
  return workspace.write('suite.yaml', 'suite: bench\nversion: 1\nprompt: "What is {{a}} + {{b}}?"\ndefaults: { scorer: { type: numeric }, generation: { max_tokens: 32 } }\ntasks:\n  - file: data/tasks.jsonl\n');
}
