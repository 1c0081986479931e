/** Text shown where a figure does not exist (no data, no price). */
export const missing = '—';

/** A share as a percentage with one decimal: 0.9098 → "91.0 %". */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? missing : `${(value * 100).toFixed(digits)} %`;
}

/** An interval's bounds as percentages: "84.6–94.9". */
export function formatPercentRange(low: number | null, high: number | null): string {
  return low === null || high === null ? '' : `${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}`;
}

/** US dollars with precision that fits the size: $1,234 · $13.16 · $0.0572 · $0.000123. */
export function formatUsd(value: number | null): string {
  if (value === null) return missing;
  if (value === 0) return '$0.00';
  const absolute = Math.abs(value);
  if (absolute >= 1000) return `$${Math.round(value).toLocaleString('en-US')}`;
  if (absolute >= 1) return `$${value.toFixed(2)}`;
  return `$${value.toPrecision(3)}`;
}

/** A duration in milliseconds, switching to seconds past one second. */
export function formatMs(value: number | null): string {
  if (value === null) return missing;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${Math.round(value)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** A count with thousands separators. */
export function formatCount(value: number | null): string {
  return value === null ? missing : Math.round(value).toLocaleString('en-US');
}

/** A signed change in percentage points: +3.2 pp. */
export function formatPoints(value: number | null): string {
  if (value === null) return missing;
  const points = value * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)} pp`;
}

/** A signed interval in percentage points: "−40.5 to −20.2". */
export function formatPointsRange(low: number | null, high: number | null): string {
  if (low === null || high === null) return '';
  const signed = (value: number) => `${value < 0 ? '−' : value > 0 ? '+' : ''}${Math.abs(value * 100).toFixed(1)}`;
  return `${signed(low)} to ${signed(high)}`;
}

/** A p-value: three significant digits, "< 0.001" below that. */
export function formatPValue(value: number | null): string {
  if (value === null) return missing;
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}
