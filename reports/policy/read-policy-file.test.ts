import { afterAll, describe, expect, it } from 'vitest';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import type { MetricRow } from '../metric-row.ts';
import { readPolicyFile } from './read-policy-file.ts';
import { summarizePolicy } from './summarize-policy.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

const row = (modelId: string, category: string | null, quality: number, costPerTask: number | null, attempts: number) =>
  ({ modelId, category, attempts, costPerTask, quality: { estimate: quality, low: quality - 0.1, high: quality + 0.05 } }) as unknown as MetricRow;

describe('readPolicyFile', () => {
  it('keeps a narrower (category + tags) route from standing for its category, and reads the sibling evaluation', () => {
    const file = dir.write('fitted/policy.json', JSON.stringify({
      objective: { type: 'min-cost' },
      routes: [
        { match: { category: 'arithmetic' }, model: 'sim-titan' },
        { match: { category: 'arithmetic', tags: ['pii'] }, model: 'sim-local' },
        { match: { tags: ['pii'] }, model: 'sim-local' },
      ],
      default: { model: 'sim-titan' },
    }));
    dir.write('fitted/policy.evaluation.json', JSON.stringify({ policy: { quality: 0.84, cost_per_task_usd: 0.003 }, best_single: { model: 'sim-titan', quality: 0.88, cost_per_task_usd: 0.011 }, folds: 5 }));
    const policy = readPolicyFile(file);
    expect(policy.routes).toEqual([{ category: 'arithmetic', modelId: 'sim-titan' }]);
    expect(policy.evaluation).toEqual([
      { name: 'policy', quality: 0.84, costPerTask: 0.003 },
      { name: 'best_single', quality: 0.88, costPerTask: 0.011 },
    ]);
  });

  it('reads routes under the spellings a policy file plausibly uses, and skips the rest', () => {
    const file = dir.write('policy.json', JSON.stringify({
      schema: 'baton.policy/1',
      objective: { name: 'min-cost' },
      routes: [
        { match: { category: 'math' }, model: 'big', fallbacks: ['mid'] },
        { category: ['ids', 'dates'], model: { id: 'small' } },
        { match: { tags: ['pii'] }, model: 'local' },
        'not a route',
      ],
      default: { model: 'mid' },
      evaluation: { best_single: { quality: { estimate: 0.8 }, cost_per_task: 0.002 }, oracle: { quality: 0.95, costPerTask: 0.001 }, notes: 'ignored' },
    }));
    expect(readPolicyFile(file)).toEqual({
      objective: 'min-cost',
      routes: [{ category: 'math', modelId: 'big' }, { category: 'ids', modelId: 'small' }, { category: 'dates', modelId: 'small' }],
      defaultModelId: 'mid',
      evaluation: [{ name: 'best_single', quality: 0.8, costPerTask: 0.002 }, { name: 'oracle', quality: 0.95, costPerTask: 0.001 }],
    });
    expect(() => readPolicyFile(dir.write('empty.json', '{"routes": []}'))).toThrow('no route');
    expect(() => readPolicyFile(dir.write('broken.json', '{'))).toThrow();
  });

  it('weights each routed category by its attempts against the best single model', () => {
    const models = [row('big', null, 0.9, 0.01, 20), row('small', null, 0.6, 0.001, 20)];
    const cells = [row('big', 'math', 0.95, 0.012, 10), row('small', 'math', 0.3, 0.001, 10), row('big', 'ids', 0.85, 0.008, 10), row('small', 'ids', 0.9, 0.001, 10)];
    const notes: string[] = [];
    const summary = summarizePolicy('p.json', { objective: null, routes: [{ category: 'math', modelId: 'big' }], defaultModelId: 'small', evaluation: [] }, models, cells, notes);
    expect(summary.routes).toEqual([{ category: 'ids', modelId: 'small' }, { category: 'math', modelId: 'big' }]);
    expect(summary.points[0]?.quality).toBeCloseTo((0.95 * 10 + 0.9 * 10) / 20, 12);
    expect(summary.points[0]?.costPerTask).toBeCloseTo((0.012 * 10 + 0.001 * 10) / 20, 12);
    expect(summary.points[1]).toMatchObject({ label: 'best single model (big)', quality: 0.9, costPerTask: 0.01 });
    expect(notes).toEqual([]);
  });
});
