import { describe, expect, it } from 'vitest';
import { createMatrixColumn } from './create-matrix-column.ts';
import { readCell } from './read-cell.ts';

describe('createMatrixColumn and readCell', () => {
  it('round-trip cells, nulls and missing cells through the typed columns', () => {
    const cells = [
      { attempts: 2, errors: 1, score: 0.5, cost: 0.01, latencies: [120, 80], checkPassRate: 0.5, scoreWhenChecked: 1 },
      undefined,
      { attempts: 1, errors: 1, score: null, cost: null, latencies: [], checkPassRate: null, scoreWhenChecked: null },
    ];
    const matrix = { tasks: [], models: [], columns: [createMatrixColumn(cells)], hasChecks: true };
    expect([0, 1, 2].map((t) => readCell(matrix, t, 0))).toEqual(cells);
    expect(readCell(matrix, 0, 1)).toBeUndefined();
  });
});
