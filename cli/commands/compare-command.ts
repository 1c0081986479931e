import Table from 'cli-table3';
import type { Argv } from 'yargs';
import type { Comparison } from '../../reports/comparison-data.ts';
import { formatPercent, formatPoints, formatPointsRange, formatPValue } from '../../reports/format/format-values.ts';
import { renderComparisonMarkdown } from '../../reports/markdown/comparison-markdown.ts';
import { defaultReportSettings } from '../../reports/report-settings.ts';
import { exitCodes } from '../exit-codes.ts';
import { asUsage, reportSettings, resolveDatabase, withReportOptions, type ReportFlags } from '../report-options.ts';

interface CompareArgs extends ReportFlags {
  baseline: string;
  candidate: string;
  failOnRegression: boolean;
  format: 'text' | 'md' | 'json';
}

/** `baton compare`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const compareCommand = {
  builder: (yargs: Argv) =>
    withReportOptions(yargs)
      .positional('baseline', { type: 'string', demandOption: true, describe: 'The reference run id (e.g. the last good nightly run)' })
      .positional('candidate', { type: 'string', demandOption: true, describe: 'The run id to check' })
      .option('fail-on-regression', { type: 'boolean', default: false, describe: 'Exit 1 when any model or category regressed significantly' })
      .option('format', { choices: ['text', 'md', 'json'] as const, default: 'text' as const, describe: 'text table, Markdown (pull-request comment) or JSON' })
      .example('$0 compare r-last-good r-tonight --fail-on-regression', 'Fail CI when tonight\'s run is significantly worse somewhere'),
  handler: async (argv: CompareArgs) => {
    const { dbPath } = resolveDatabase(argv);
    // Loaded here, not at start-up, like the report command's renderers.
    const [{ compareRuns }, { openReportStore }] = await Promise.all([import('../../reports/compare/compare-runs.ts'), import('../../reports/store/open-report-store.ts')]);
    const store = await openReportStore(dbPath);
    const comparison = await asUsage(() => compareRuns(store, argv.baseline, argv.candidate, { ...defaultReportSettings, ...reportSettings(argv) })).finally(() => store.close());
    if (argv.format === 'json') process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
    else if (argv.format === 'md') process.stdout.write(renderComparisonMarkdown(comparison));
    else process.stdout.write(formatComparison(comparison));
    if (argv.failOnRegression && comparison.regressions > 0) {
      process.stderr.write(`${comparison.regressions} significant regression(s) from ${argv.baseline} to ${argv.candidate}\n`);
      return exitCodes.failures;
    }
    return exitCodes.ok;
  },
};

const order = { regression: 0, improvement: 1, unchanged: 2, 'no-data': 3 } as const;

function formatComparison(comparison: Comparison): string {
  const table = new Table({
    head: ['model', 'category', 'verdict', 'pairs', 'baseline', 'candidate', 'delta', '95% CI', 'p', 'adj. p'],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const rows = [...comparison.rows].sort((a, b) => order[a.verdict] - order[b.verdict]);
  for (const row of rows) {
    const verdict = row.verdict === 'regression' ? 'REGRESSION' : row.verdict;
    table.push([row.modelId, row.category ?? '(all)', verdict, row.pairs, formatPercent(row.baseline), formatPercent(row.candidate), formatPoints(row.delta.estimate), formatPointsRange(row.delta.low, row.delta.high), formatPValue(row.pValue), formatPValue(row.adjustedPValue)]);
  }
  const summary = `${comparison.baselineRunId} -> ${comparison.candidateRunId}: ${comparison.regressions} significant regression(s), ${comparison.improvements} improvement(s) (paired on shared tasks; ${comparison.adjust === 'holm' ? 'Holm-adjusted' : 'unadjusted'} p < ${comparison.alpha})`;
  return `${summary}\n${table.toString()}\n`;
}
