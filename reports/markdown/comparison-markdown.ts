import type { Comparison, ComparisonRow } from '../comparison-data.ts';
import { formatPercent, formatPoints, formatPointsRange, formatPValue } from '../format/format-values.ts';
import { markdownTable } from './markdown-table.ts';

/** A comparison for a pull-request comment: the verdict, the flagged rows, the rest folded. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const flagged = comparison.rows.filter((row) => row.verdict === 'regression' || row.verdict === 'improvement');
  const icon = comparison.regressions > 0 ? '🔴' : comparison.improvements > 0 ? '🟢' : '⚪';
  const lines = [
    `### ${icon} Comparison: \`${comparison.baselineRunId}\` → \`${comparison.candidateRunId}\``,
    '',
    `**${comparison.regressions} significant regression${comparison.regressions === 1 ? '' : 's'}**, ${comparison.improvements} improvement${comparison.improvements === 1 ? '' : 's'} ` +
      `(paired on shared tasks; McNemar for pass/fail, paired bootstrap for scores; ${comparison.adjust === 'holm' ? 'Holm-adjusted' : 'unadjusted'}, α = ${comparison.alpha}).`,
    '',
  ];
  if (flagged.length > 0) lines.push(comparisonTable(flagged), '');
  lines.push('<details><summary>All paired rows</summary>', '', comparisonTable(comparison.rows), '', '</details>', '');
  return lines.join('\n');
}

function comparisonTable(rows: readonly ComparisonRow[]): string {
  return markdownTable(
    ['Model', 'Category', 'Verdict', 'Pairs', 'Baseline', 'Candidate', 'Δ', '95 % CI', 'adj. p'],
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows.map((row) => [row.modelId, row.category ?? 'all', row.verdict, String(row.pairs), formatPercent(row.baseline), formatPercent(row.candidate), formatPoints(row.delta.estimate), formatPointsRange(row.delta.low, row.delta.high), formatPValue(row.adjustedPValue)]),
  );
}
