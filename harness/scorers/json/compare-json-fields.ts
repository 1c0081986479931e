import type { Normalizer } from '../../core/answer-scorer-specs.ts';
import { normalizeText } from '../text/normalize-text.ts';

/** How JSON values are compared field by field. */
export interface FieldComparison {
  readonly normalize: readonly Normalizer[];
  readonly absTol: number;
}

/** Dotted paths of every leaf of a value (`customer.name`, `items.0.sku`); an empty object or list is a leaf. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  const children = value !== null && typeof value === 'object' ? Object.entries(value) : [];
  if (children.length === 0) return prefix === '' ? [] : [prefix];
  return children.flatMap(([key, child]) => leafPaths(child, prefix === '' ? key : `${prefix}.${key}`));
}

/** The value at a dotted path, or `undefined`. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Deep equality with normalised strings and a tolerance on numbers; key order does not matter. */
export function jsonValuesEqual(got: unknown, want: unknown, options: FieldComparison): boolean {
  if (typeof want === 'number' && typeof got === 'number') return Math.abs(got - want) <= options.absTol;
  if (typeof want === 'string' && typeof got === 'string') return normalizeText(got, options.normalize) === normalizeText(want, options.normalize);
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((item, index) => jsonValuesEqual(got[index], item, options));
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return false;
    const keys = Object.keys(want);
    return keys.length === Object.keys(got).length && keys.every((key) => jsonValuesEqual((got as Record<string, unknown>)[key], (want as Record<string, unknown>)[key], options));
  }
  return got === want;
}
