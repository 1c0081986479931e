import type { ReportSettings } from './report-data.ts';

/** Defaults of the report's statistics. */
export const defaultReportSettings: ReportSettings = {
  confidence: 0.95,
  bootstrapSeed: 1,
  bootstrapResamples: 2000,
  alpha: 0.05,
  adjust: 'holm',
};
