/** Significant digits kept in numbers: far beyond what the estimates can support, and stable across platforms. */
const digits = 6;

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as RFC 8785), numbers rounded to 6
 * significant digits, two-space indentation, LF line ends and a final newline. The same value
 * always gives the same bytes, which is what makes policy files diffable and reproducible.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonicalize(value), null, 2)}\n`;
}

function canonicalize(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Expected a finite number in canonical JSON, got \`${value}\``);
    const rounded = Number(value.toPrecision(digits));
    return Object.is(rounded, -0) ? 0 : rounded;
  }
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonicalize(item)]));
  }
  return value;
}
