import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { PolicyFrontierSchema } from '../../harness/core/policy-frontier-schema.ts';
import { defaultLearnerOptions } from '../fit/learner-options.ts';
import { createMatrixColumn } from '../matrix/create-matrix-column.ts';
import type { MatrixCell, PolicyMatrix } from '../matrix/policy-matrix.ts';
import { frontierChart } from './frontier-chart.ts';
import { sweepFrontier } from './sweep-frontier.ts';

/** Two categories, two models: `cheap` is as good on `easy`, worse on `hard`, at a tenth of the price. */
function matrixOf(): PolicyMatrix {
  const tasks = ['easy', 'hard'].flatMap((category) => Array.from({ length: 40 }, (_, i) => ({ suiteId: 's', taskId: `${category}-${i}`, category, tags: [], prompt: 'p', promptChars: 1 })));
  const cell = (score: number, cost: number): MatrixCell => ({ attempts: 1, errors: 0, score, cost, latencies: [100], checkPassRate: null, scoreWhenChecked: null });
  const model = (id: string) => ({ id, provider: 'openai', model: id, price: null, attributes: {}, simulated: false });
  return {
    tasks,
    models: [model('cheap'), model('strong')],
    columns: [createMatrixColumn(tasks.map((task, i) => cell(task.category === 'hard' && i % 2 === 0 ? 0 : 1, 0.001))), createMatrixColumn(tasks.map(() => cell(1, 0.01)))],
    hasChecks: false,
  };
}

describe('sweepFrontier', () => {
  it('lists each distinct policy as λ falls, cheapest first, and draws them', async () => {
    const frontier = PolicyFrontierSchema.parse(sweepFrontier(matrixOf(), { ...defaultLearnerOptions, shrinkage: 0, objective: { type: 'utility', lambda: 0, mu: 0 } }, 'test'));
    expect(frontier.points.map((point) => point.routes)).toEqual([{ easy: 'cheap', hard: 'cheap' }, { easy: 'cheap', hard: 'strong' }]);
    expect(frontier.points.map((point) => point.quality)).toEqual([0.75, 1]);
    expect(frontier.points[1]?.cost_per_task_usd).toBeCloseTo(0.0055, 12);
    // hard switches when λ < 0.5 / 0.009: the representative λ lies on the far side of the breakpoint.
    expect(frontier.points[0]?.lambda).toBeGreaterThan(0.5 / 0.009);
    expect(frontier.models).toEqual([{ model: 'cheap', quality: 0.75, cost_per_task_usd: expect.closeTo(0.001, 12) as number }, { model: 'strong', quality: 1, cost_per_task_usd: expect.closeTo(0.01, 12) as number }]);
    const { spec } = compile(frontierChart(frontier) as unknown as TopLevelSpec);
    const svg = await new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
    expect(svg).toContain('<svg');
    expect(svg).toContain('strong');
  });
});
