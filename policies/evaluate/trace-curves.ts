import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { averageCurves } from './average-curves.ts';
import type { FoldFit } from './fit-folds.ts';
import { sortCurve, type CurvePoint } from './router-metrics.ts';
import { traceFoldCurve } from './trace-held-out-curve.ts';

/**
 * The held-out curves of the utility objective, traced per fold and averaged at equal x: quality
 * by cost per task and, for a pair of models, quality by share of calls to the strong one, from
 * all-weak (0) to all-strong (1) in every fold.
 */
export function traceCurves(matrix: PolicyMatrix, fits: readonly FoldFit[], mu: number, pair: { readonly strong: number; readonly weak: number } | undefined): { costCurve: CurvePoint[]; shareCurve: CurvePoint[] } {
  const perFold = fits.map((fit) => traceFoldCurve(matrix, fit, mu, pair));
  const weights = fits.map((fit) => fit.tasks.length);
  const costCurve = averageCurves(
    perFold.map((points) => sortCurve(points.map((point) => ({ x: point.cost, y: point.quality })))),
    weights,
  );
  if (pair === undefined || perFold.some((points) => points.length === 0)) return { costCurve, shareCurve: [] };
  const shareCurve = averageCurves(
    fits.map((fit, f) => {
      const alone = (column: number) => meanScore(matrix, fit.tasks, column);
      const points = (perFold[f] ?? []).map((point) => ({ x: point.strongShare ?? 0, y: point.quality }));
      return sortCurve([{ x: 0, y: alone(pair.weak) }, ...points, { x: 1, y: alone(pair.strong) }]);
    }),
    weights,
  );
  return { costCurve, shareCurve };
}

function meanScore(matrix: PolicyMatrix, tasks: readonly number[], column: number): number {
  const scores = matrix.columns[column]?.score;
  let sum = 0;
  let n = 0;
  for (const t of tasks) {
    const score = scores?.[t] ?? Number.NaN;
    if (Number.isNaN(score)) continue;
    sum += score;
    n += 1;
  }
  return n === 0 ? 0 : sum / n;
}
