import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { simModel, writeSimConfig } from '../../test/helpers/tiny-run.ts';
import { InputError } from '../core/input-error.ts';
import { openStore } from '../store/open-store.ts';
import { loadSuite } from '../suites/load-suite.ts';
import { executeRun } from './execute-run.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

/** A suite of `count` tasks in a JSONL file (several chunks), and a way to change one line, keeping the size. */
function writeBulkSuite(count: number) {
  const lines = Array.from({ length: count }, (_, index) => JSON.stringify({ id: `t${index}`, category: 'c', vars: { a: index, b: 2 }, expected: index + 2 }));
  const data = dir.write('data/tasks.jsonl', `${lines.join('\n')}\n`);
  const file = dir.write('bulk.yaml', 'suite: bulk\nversion: 1\nprompt: "What is {{a}} + {{b}}?"\ndefaults: { scorer: { type: numeric } }\ntasks:\n  - file: data/tasks.jsonl\n');
  const edit = () => writeFileSync(data, readFileSync(data, 'utf8').replace('"b":2}', '"b":3}'));
  return { file, suite: loadSuite(file), edit };
}

async function runs(dbPath: string): Promise<Record<string, unknown>[]> {
  const store = await openStore(dbPath);
  try {
    return (await store.connection.runAndReadAll('SELECT status, (SELECT count(*)::INT FROM tasks) AS tasks, (SELECT count(*)::INT FROM attempts) AS attempts FROM runs')).getRowObjectsJS();
  } finally {
    store.close();
  }
}

describe('a task file that changes under a run', () => {
  const config = () => writeSimConfig(dir, [simModel('a', '{ skill: { default: 0.7 } }', '{ concurrency: 8 }'), simModel('b')]);

  it('is refused before anything is written when it changed after loading', async () => {
    const { file, suite, edit } = writeBulkSuite(3000);
    edit();
    const dbPath = dir.path('before', 'baton.duckdb');
    const run = executeRun({ suitePaths: [file], suites: [suite], config: config(), dbPath, simTimeScale: 0 });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(/data\/tasks\.jsonl:1 task file changed since the suite was loaded/);
    expect(await runs(dbPath)).toEqual([]);
  });

  it('stops the run, marked failed, when it changes while the run reads it', async () => {
    const { file, suite, edit } = writeBulkSuite(3000);
    const dbPath = dir.path('during', 'baton.duckdb');
    // The tasks table is written by now; each model's plan reads the file again.
    const run = executeRun({ suitePaths: [file], suites: [suite], config: config(), dbPath, simTimeScale: 0, onEvent: (event) => void (event.type === 'started' && edit()) });
    await expect(run).rejects.toThrow(/task file changed since the suite was loaded/);
    expect(await runs(dbPath)).toEqual([{ status: 'failed', tasks: 3000, attempts: 0 }]);
  });
});
