/** A point of a cost–quality curve. */
export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

/** Points by x, then y; the curve is the polyline through them in that order. */
export function sortCurve(points: readonly CurvePoint[]): CurvePoint[] {
  return [...points].sort((a, b) => a.x - b.x || a.y - b.y);
}

/**
 * The smallest x at which the polyline through `points` (sorted) reaches `target`, interpolating
 * linearly inside a segment (mixing two policies at random achieves any point between them), or
 * `null` when it never does. RouteLLM's CPT(x %) is this with x the share of strong-model calls
 * and `target` = weak + x %·(strong − weak).
 */
export function reachX(points: readonly CurvePoint[], target: number): number | null {
  const [first] = points;
  if (first === undefined) return null;
  if (first.y >= target) return first.x;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1] as CurvePoint;
    const b = points[i] as CurvePoint;
    if (b.y < target) continue;
    if (a.y >= target || b.y === a.y) return a.x;
    return a.x + ((target - a.y) * (b.x - a.x)) / (b.y - a.y);
  }
  return null;
}

/** Trapezoid area under the polyline through `points` (sorted). */
export function trapezoidArea(points: readonly CurvePoint[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1] as CurvePoint;
    const b = points[i] as CurvePoint;
    area += ((b.x - a.x) * (a.y + b.y)) / 2;
  }
  return area;
}

/**
 * Average performance gap recovered (RouteLLM's APGR): the area between the curve and the weak
 * model's level, over the area between the strong and weak levels, across the curve's x range.
 */
export function averageGapRecovered(points: readonly CurvePoint[], weak: number, strong: number): number | null {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || last.x === first.x || strong === weak) return null;
  const width = last.x - first.x;
  return (trapezoidArea(points) - weak * width) / ((strong - weak) * width);
}

/** The upper concave hull of `points` (sorted by x): what mixing the policies can reach at each cost. */
export function upperHull(points: readonly CurvePoint[]): CurvePoint[] {
  const hull: CurvePoint[] = [];
  for (const point of points) {
    if (hull.length > 0 && (hull.at(-1) as CurvePoint).x === point.x) {
      if ((hull.at(-1) as CurvePoint).y >= point.y) continue;
      hull.pop();
    }
    while (hull.length >= 2) {
      const a = hull[hull.length - 2] as CurvePoint;
      const b = hull[hull.length - 1] as CurvePoint;
      if ((b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) >= 0) hull.pop();
      else break;
    }
    hull.push(point);
  }
  // Past its highest point the hull only loses quality for more money: a router would not go there.
  let top = 0;
  hull.forEach((point, index) => {
    if (point.y > (hull[top] as CurvePoint).y) top = index;
  });
  return hull.slice(0, top + 1);
}

/**
 * Area under the cost–quality hull, normalised: the mean quality the hull reaches over costs from
 * 0 to `maxCost` (the dearest single model's), held flat before the cheapest point and after the
 * best one. 1 would be perfect quality at any budget.
 */
export function hullArea(points: readonly CurvePoint[], maxCost: number): number | null {
  const hull = upperHull(sortCurve(points));
  const first = hull[0];
  const last = hull.at(-1);
  if (first === undefined || last === undefined || !(maxCost > 0)) return null;
  const clipped = hull.filter((point) => point.x <= maxCost);
  const inside = [{ x: 0, y: first.y }, ...clipped, { x: maxCost, y: last.x <= maxCost ? last.y : (reachHullY(hull, maxCost) ?? last.y) }];
  return trapezoidArea(inside) / maxCost;
}

function reachHullY(hull: readonly CurvePoint[], x: number): number | null {
  for (let i = 1; i < hull.length; i += 1) {
    const a = hull[i - 1] as CurvePoint;
    const b = hull[i] as CurvePoint;
    if (b.x >= x) return a.y + ((x - a.x) * (b.y - a.y)) / (b.x - a.x);
  }
  return null;
}
