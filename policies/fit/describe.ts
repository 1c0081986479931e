import type { MatrixModel } from '../matrix/policy-matrix.ts';

/** A column's name in reasons: the model id, or `first→escalateTo` for a cascade. */
export function columnName(model: MatrixModel | undefined): string {
  if (model === undefined) return '?';
  return model.cascade === undefined ? model.id : `${model.cascade.first}→${model.cascade.escalateTo}`;
}

/** A quality as a percentage with one decimal. */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** A cost per task as USD per 1000 tasks, 3 significant digits, or `unpriced`. */
export function perThousand(cost: number | null): string {
  return cost === null ? 'unpriced' : `$${significant(cost * 1000)}/1k`;
}

/** Three significant digits without exponent notation (1000, not 1.00e+3). */
export function significant(value: number): string {
  return Math.abs(value) >= 1000 ? value.toFixed(0) : value.toPrecision(3);
}

/** Cheaper first, unpriced last (0 for equal costs). */
export function byCost<T extends { cost: number | null }>(a: T, b: T): number {
  const costA = a.cost ?? Number.POSITIVE_INFINITY;
  const costB = b.cost ?? Number.POSITIVE_INFINITY;
  return costA === costB ? 0 : costA - costB;
}
