import { describe, expect, it } from 'vitest';
import { paretoFrontier } from './pareto-frontier.ts';

describe('paretoFrontier', () => {
  it('keeps the points no other point beats on cost and quality, cheapest first', () => {
    const points = [
      { id: 'titan', cost: 13, quality: 0.91 },
      { id: 'sage', cost: 2, quality: 0.89 },
      { id: 'dominated', cost: 3, quality: 0.8 },
      { id: 'local', cost: 0, quality: 0.6 },
      { id: 'sprint', cost: 0.01, quality: 0.57 },
      { id: 'abacus', cost: 0.2, quality: 0.75 },
      { id: 'same-quality-dearer', cost: 0.3, quality: 0.75 },
    ];
    expect(paretoFrontier(points).map((point) => point.id)).toEqual(['local', 'abacus', 'sage', 'titan']);
  });

  it('keeps exact ties and handles the empty case', () => {
    expect(paretoFrontier([{ cost: 1, quality: 0.5 }, { cost: 1, quality: 0.5 }])).toHaveLength(2);
    expect(paretoFrontier([])).toEqual([]);
  });
});
