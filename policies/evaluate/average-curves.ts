import type { CurvePoint } from './router-metrics.ts';

/**
 * Averages per-fold curves at equal x ("vertical averaging", as for ROC curves across folds):
 * each fold's polyline is read at every x where any fold has a point, within the x range all
 * folds cover, and the readings are averaged. The average of polylines is itself the polyline
 * through these points, so nothing is lost to a grid. Averaging at equal cost keeps the folds'
 * different breakpoints from blurring the curve, which pooling held-out points at equal λ would.
 */
export function averageCurves(curves: readonly (readonly CurvePoint[])[], weights: readonly number[] = curves.map(() => 1)): CurvePoint[] {
  const usable = curves.filter((curve) => curve.length > 0);
  if (usable.length === 0) return [];
  const weightOf = (curve: readonly CurvePoint[]) => weights[curves.indexOf(curve)] ?? 0;
  const total = usable.reduce((sum, curve) => sum + weightOf(curve), 0);
  const from = Math.max(...usable.map((curve) => curve[0]?.x ?? 0));
  const to = Math.min(...usable.map((curve) => curve.at(-1)?.x ?? 0));
  if (from > to) return [];
  const xs = [...new Set(usable.flatMap((curve) => curve.map((point) => point.x)).filter((x) => x >= from && x <= to))].sort((a, b) => a - b);
  return xs.map((x) => ({ x, y: usable.reduce((sum, curve) => sum + weightOf(curve) * readAt(curve, x), 0) / total }));
}

/** The polyline's y at `x` (the highest y where it is vertical there); flat outside its range. */
export function readAt(curve: readonly CurvePoint[], x: number): number {
  let y: number | undefined;
  for (let i = 0; i < curve.length; i += 1) {
    const point = curve[i] as CurvePoint;
    if (point.x === x) y = Math.max(y ?? Number.NEGATIVE_INFINITY, point.y);
    const next = curve[i + 1];
    if (next !== undefined && point.x < x && next.x > x) return point.y + ((x - point.x) * (next.y - point.y)) / (next.x - point.x);
  }
  if (y !== undefined) return y;
  const first = curve[0];
  const last = curve.at(-1);
  if (first !== undefined && x < first.x) return first.y;
  return last?.y ?? 0;
}
