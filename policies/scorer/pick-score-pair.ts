import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/** The two columns a prompt scorer contrasts. */
export interface ScorePair {
  readonly strong: number;
  readonly weak: number;
}

/**
 * The models a prompt score contrasts, on `tasks`: the strong one has the highest mean score
 * (ties: cheaper, then first), the weak one is the cheapest of the others (unpriced: the lowest
 * mean score). Cascades are left out. `undefined` with fewer than two scored models, or when the
 * best model is also the cheapest, where there is nothing to trade.
 */
export function pickScorePair(matrix: PolicyMatrix, tasks: readonly number[]): ScorePair | undefined {
  const measured = matrix.models.flatMap((model, m) => {
    if (model.cascade !== undefined) return [];
    const column = matrix.columns[m];
    if (column === undefined) return [];
    let score = 0;
    let scored = 0;
    let cost = 0;
    let costed = 0;
    for (const t of tasks) {
      const value = column.score[t] ?? Number.NaN;
      if (!Number.isNaN(value)) {
        score += value;
        scored += 1;
      }
      const price = column.cost[t] ?? Number.NaN;
      if (!Number.isNaN(price)) {
        cost += price;
        costed += 1;
      }
    }
    return scored === 0 ? [] : [{ m, quality: score / scored, cost: costed === 0 ? Number.NaN : cost / costed }];
  });
  if (measured.length < 2) return undefined;
  const cheaper = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b);
  const [strong] = [...measured].sort((a, b) => b.quality - a.quality || cheaper(a.cost, b.cost) || a.m - b.m);
  if (strong === undefined) return undefined;
  const others = measured.filter((entry) => entry.m !== strong.m);
  const priced = others.every((entry) => !Number.isNaN(entry.cost));
  const [weak] = others.sort((a, b) => (priced ? a.cost - b.cost : a.quality - b.quality) || a.m - b.m);
  if (weak === undefined) return undefined;
  if (priced && !Number.isNaN(strong.cost) && strong.cost <= weak.cost) return undefined;
  return { strong: strong.m, weak: weak.m };
}
