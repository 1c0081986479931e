/** A candidate on the cost-quality plane. */
export interface CostQualityPoint {
  readonly cost: number;
  readonly quality: number;
}

/**
 * The Pareto frontier: the points no other point beats on both cost (lower) and quality
 * (higher), cheapest first. Equal points both stay on it; a point that costs more for the same
 * quality does not.
 */
export function paretoFrontier<T extends CostQualityPoint>(points: readonly T[]): T[] {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || b.quality - a.quality);
  const frontier: T[] = [];
  let best = -Infinity;
  for (const point of sorted) {
    const last = frontier.at(-1);
    const tie = last !== undefined && last.cost === point.cost && last.quality === point.quality;
    if (point.quality > best || tie) {
      frontier.push(point);
      best = Math.max(best, point.quality);
    }
  }
  return frontier;
}
