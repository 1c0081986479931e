import { describe, expect, it } from 'vitest';
import { averageCurves, readAt } from './average-curves.ts';
import { averageGapRecovered, hullArea, reachX, sortCurve, upperHull } from './router-metrics.ts';

describe('router metrics', () => {
  const diagonal = [{ x: 0, y: 0.6 }, { x: 1, y: 0.8 }];

  it('random routing (the diagonal) needs 50 % strong calls for half the gap and recovers half of it on average', () => {
    expect(reachX(diagonal, 0.7)).toBeCloseTo(0.5, 12);
    expect(reachX(diagonal, 0.76)).toBeCloseTo(0.8, 12);
    expect(averageGapRecovered(diagonal, 0.6, 0.8)).toBeCloseTo(0.5, 12);
  });

  it('reads CPT off a concave curve the way RouteLLM interpolates it', () => {
    // Half the gap (0.7) is reached between (0.1, 0.68) and (0.3, 0.76): at 0.1 + 0.02 / 0.08 * 0.2 = 0.15.
    const curve = sortCurve([{ x: 1, y: 0.8 }, { x: 0, y: 0.6 }, { x: 0.1, y: 0.68 }, { x: 0.3, y: 0.76 }]);
    expect(reachX(curve, 0.7)).toBeCloseTo(0.15, 12);
    expect(reachX(curve, 0.9)).toBeNull();
    // Trapezoids: 0.1 * 0.64 + 0.2 * 0.72 + 0.7 * 0.78 = 0.754; APGR = (0.754 - 0.6) / 0.2 = 0.77.
    expect(averageGapRecovered(curve, 0.6, 0.8)).toBeCloseTo(0.77, 12);
  });

  it('keeps the upper concave hull up to its best point, and measures the area under it', () => {
    const points = sortCurve([{ x: 0, y: 0.5 }, { x: 1, y: 0.55 }, { x: 2, y: 0.9 }, { x: 3, y: 0.85 }, { x: 4, y: 0.95 }]);
    expect(upperHull(points)).toEqual([{ x: 0, y: 0.5 }, { x: 2, y: 0.9 }, { x: 4, y: 0.95 }]);
    // Over [0, 4]: 2 * 0.7 + 2 * 0.925 = 3.25, / 4.
    expect(hullArea(points, 4)).toBeCloseTo(0.8125, 12);
    // Beyond the dearest point, the hull is held flat.
    expect(hullArea([{ x: 0, y: 0.5 }, { x: 2, y: 0.9 }], 4)).toBeCloseTo((2 * 0.7 + 2 * 0.9) / 4, 12);
  });

  it('averages fold curves at equal x over the range all folds cover', () => {
    const a = [{ x: 0, y: 0.6 }, { x: 0.5, y: 0.8 }, { x: 1, y: 0.8 }];
    const b = [{ x: 0, y: 0.6 }, { x: 1, y: 0.9 }];
    expect(readAt(b, 0.5)).toBeCloseTo(0.75, 12);
    const average = averageCurves([a, b]);
    expect(average.map((point) => point.x)).toEqual([0, 0.5, 1]);
    expect(average.map((point) => point.y)).toEqual([0.6, expect.closeTo(0.775, 12) as number, expect.closeTo(0.85, 12) as number]);
  });
});
