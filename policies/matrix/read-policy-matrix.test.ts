import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../harness/core/input-error.ts';
import { openStore } from '../../harness/store/open-store.ts';
import type { Store } from '../../harness/store/store.ts';
import { writeMatrixStore } from '../../test/helpers/write-matrix-store.ts';
import { addCascadeColumns } from './add-cascade-columns.ts';
import { readCell } from './read-cell.ts';
import { readPolicyMatrix } from './read-policy-matrix.ts';
import { selectPolicyRuns } from './select-policy-runs.ts';

let store: Store | undefined;
afterEach(() => store?.close());

const models = [{ id: 'm1', price: { input: 1, output: 1 } }, { id: 'm2', price: { input: 2, output: 2 } }];

async function twoRuns(): Promise<Store> {
  store = await openStore(':memory:');
  await writeMatrixStore(store, {
    runId: 'old',
    startedAt: new Date('2026-01-01T00:00:00Z'),
    models,
    tasks: [{ taskId: 't1', category: 'a', prompt: 'old text' }, { taskId: 't2', category: 'b' }],
    attempts: [
      { taskId: 't1', modelId: 'm1', score: 1, costUsd: 0.1, latencyMs: 10, checkPassed: true },
      { taskId: 't1', modelId: 'm2', score: 0, costUsd: 0.2, latencyMs: 20, checkPassed: false },
      { taskId: 't2', modelId: 'm1', score: null, status: 'error', costUsd: null },
      { taskId: 't2', modelId: 'm2', score: null, status: 'skipped' },
    ],
  });
  await writeMatrixStore(store, {
    runId: 'new',
    startedAt: new Date('2026-01-02T00:00:00Z'),
    models,
    tasks: [{ taskId: 't1', category: 'a', prompt: 'new text', tags: ['z', 'pii'] }],
    attempts: [
      { taskId: 't1', modelId: 'm1', score: 0, costUsd: 0.3, latencyMs: 30, checkPassed: false },
      { taskId: 't1', modelId: 'm1', repeat: 1, score: 0.5, costUsd: 0.5, latencyMs: 50, checkPassed: true },
    ],
  });
  return store;
}

describe('readPolicyMatrix', () => {
  it('pools attempts over repeats and runs, keeps the latest task text, and counts errors apart', async () => {
    const db = await twoRuns();
    const runs = await selectPolicyRuns(db, ['old', 'new']);
    const matrix = await readPolicyMatrix(db, runs);
    expect(matrix.tasks).toEqual([
      { suiteId: 's', taskId: 't1', category: 'a', tags: ['pii', 'z'], prompt: 'new text', promptChars: 8 },
      { suiteId: 's', taskId: 't2', category: 'b', tags: [], prompt: 'task t2', promptChars: 7 },
    ]);
    expect(matrix.models.map((model) => model.id)).toEqual(['m1', 'm2']);
    expect(readCell(matrix, 0, 0)).toEqual({ attempts: 3, errors: 0, score: 0.5, cost: 0.3, latencies: [30, 50, 10], checkPassRate: 2 / 3, scoreWhenChecked: 0.75 });
    expect(readCell(matrix, 1, 0)).toMatchObject({ attempts: 1, errors: 1, score: null, cost: null, latencies: [] });
    // A skipped attempt is no measurement at all.
    expect(readCell(matrix, 1, 1)).toBeUndefined();
    expect(matrix.hasChecks).toBe(true);
  });

  it('reads the latest run by default and names unknown runs', async () => {
    const db = await twoRuns();
    const runs = await selectPolicyRuns(db);
    expect(runs.map((run) => run.runId)).toEqual(['new']);
    expect((await readPolicyMatrix(db, runs)).tasks).toHaveLength(1);
    await expect(selectPolicyRuns(db, ['nope'])).rejects.toBeInstanceOf(InputError);
    await expect(selectPolicyRuns(db, ['nope'])).rejects.toThrow('no run `nope` in the database. Fix: check the id (latest: `new`)');
  });

  it('treats a store without the check column (written before runtime checks) as having no checks: no cascades', async () => {
    const db = await twoRuns();
    const runs = await selectPolicyRuns(db, ['old']);
    expect(addCascadeColumns(await readPolicyMatrix(db, runs)).models.map((model) => model.id)).toEqual(['m1', 'm2', 'm1>m2']);
    await db.connection.run('ALTER TABLE attempts DROP COLUMN check_passed');
    const matrix = await readPolicyMatrix(db, runs);
    expect(matrix.hasChecks).toBe(false);
    expect(readCell(matrix, 0, 0)).toMatchObject({ checkPassRate: null, scoreWhenChecked: null });
    expect(addCascadeColumns(matrix).models).toHaveLength(2);
  });
});
