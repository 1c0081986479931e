import { bootstrapMeanInterval } from '../../harness/stats/bootstrap-interval.ts';
import type { Interval } from '../../harness/stats/interval.ts';
import { wilsonInterval } from '../../harness/stats/wilson-interval.ts';
import type { ReportInterval, ReportSettings } from '../report-data.ts';

/** An interval for JSON: NaN (nothing to estimate) becomes `null`. */
export function toReportInterval(interval: Interval): ReportInterval {
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  if (!Number.isFinite(interval.estimate)) return { estimate: null, low: null, high: null };
  return { estimate: finite(interval.estimate), low: finite(interval.low), high: finite(interval.high) };
}

/** Wilson interval of a pass rate; no graded answers gives no estimate. */
export function passRateInterval(passed: number, graded: number, settings: Pick<ReportSettings, 'confidence'>): ReportInterval {
  return toReportInterval(wilsonInterval(passed, graded, settings.confidence));
}

/**
 * The headline quality of a group: Wilson on the pass rate when every score is 0 or 1 (the
 * score then is the pass/fail outcome), else a seeded percentile bootstrap of the mean score.
 */
export function qualityInterval(
  counts: { readonly passed: number; readonly graded: number },
  scores: readonly number[] | undefined,
  settings: Pick<ReportSettings, 'confidence' | 'bootstrapSeed' | 'bootstrapResamples'>,
): { quality: ReportInterval; method: 'wilson' | 'bootstrap' } {
  if (scores === undefined) return { quality: passRateInterval(counts.passed, counts.graded, settings), method: 'wilson' };
  const interval = bootstrapMeanInterval(scores, { seed: settings.bootstrapSeed, resamples: settings.bootstrapResamples, confidence: settings.confidence });
  return { quality: toReportInterval(interval), method: 'bootstrap' };
}
