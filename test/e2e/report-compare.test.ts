import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalCdf } from '../../harness/sim/normal.ts';
import { compareRuns } from '../../reports/compare/compare-runs.ts';
import type { Comparison } from '../../reports/comparison-data.ts';
import { defaultReportSettings } from '../../reports/report-settings.ts';
import { openReportStore } from '../../reports/store/open-report-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { execute, runFleet, writeFleet } from './report-fixture.ts';

const dir = createTempDir('baton-report-compare-');
const results = dir.path('results');
const dbPath = dir.path('results', 'baton.duckdb');
let baseline = '';
let candidate = '';
let comparison: Comparison;

// The worked example: the same fleet, seed and tasks twice, except that `strong` drops from 90 %
// to 20 % on the odd tasks in the candidate. Same seed: every other answer is identical.
beforeAll(async () => {
  baseline = await runFleet(dir, dbPath, writeFleet(dir));
  candidate = await runFleet(dir, dbPath, writeFleet(dir, 0.2));
  const store = await openReportStore(dbPath);
  comparison = await compareRuns(store, baseline, candidate, defaultReportSettings).finally(() => store.close());
});
afterAll(() => dir.remove());

describe('compare', () => {
  it('flags the one regressed (model, category), and nothing else', () => {
    const flagged = comparison.rows.filter((row) => row.verdict !== 'unchanged').map((row) => [row.modelId, row.category, row.verdict]);
    expect(flagged).toEqual([['strong', null, 'regression'], ['strong', 'odd', 'regression']]);
    expect(comparison).toMatchObject({ regressions: 2, improvements: 0, changedPrompts: 0 });
    const unchanged = comparison.rows.filter((row) => row.verdict === 'unchanged');
    expect(unchanged.every((row) => row.delta.estimate === 0 && row.pValue === 1)).toBe(true);
  });

  it('counts discordant pairs as an independent SQL join does, and tests them with McNemar', async () => {
    const [pairs] = await execute(
      dbPath,
      `SELECT count(*) AS n, sum(CASE WHEN b.passed AND NOT c.passed THEN 1 ELSE 0 END) AS only_b, sum(CASE WHEN c.passed AND NOT b.passed THEN 1 ELSE 0 END) AS only_c,
              avg(b.passed::INT) AS base_rate, avg(c.passed::INT) AS cand_rate
         FROM attempts b JOIN attempts c USING (suite_id, task_id, model_id, repeat_index) JOIN tasks t ON t.run_id = c.run_id AND t.suite_id = c.suite_id AND t.task_id = c.task_id
        WHERE b.run_id = '${baseline}' AND c.run_id = '${candidate}' AND b.status = 'ok' AND c.status = 'ok' AND c.model_id = 'strong' AND t.category = 'odd'`,
    );
    const sql = pairs?.[0] ?? {};
    const row = comparison.rows.find((candidateRow) => candidateRow.modelId === 'strong' && candidateRow.category === 'odd');
    expect(row).toMatchObject({ method: 'mcnemar', pairs: Number(sql.n), onlyBaseline: Number(sql.only_b), onlyCandidate: Number(sql.only_c) });
    expect(row?.baseline).toBeCloseTo(Number(sql.base_rate), 12);
    expect(row?.candidate).toBeCloseTo(Number(sql.cand_rate), 12);
    expect(row?.delta.estimate).toBeCloseTo(Number(sql.cand_rate) - Number(sql.base_rate), 12);
    // Chi-square with continuity correction (at least 25 discordant pairs here), written out.
    const b = Number(sql.only_b);
    const c = Number(sql.only_c);
    expect(b + c).toBeGreaterThanOrEqual(25);
    const chi2 = (Math.abs(b - c) - 1) ** 2 / (b + c);
    expect(row?.pValue).toBeCloseTo(2 * (1 - normalCdf(Math.sqrt(chi2))), 10);
    // Holm: 16 rows carry a p-value; the smallest is multiplied by 16.
    const tested = comparison.rows.filter((other) => other.pValue !== null).length;
    expect(row?.adjustedPValue).toBeCloseTo(Math.min(1, tested * (row?.pValue ?? 1)), 12);
    expect(row?.delta.high).toBeLessThan(0);
  });

  it('uses the paired bootstrap for partial-credit scores', () => {
    const partial = comparison.rows.find((row) => row.modelId === 'weak' && row.category === 'partial');
    expect(partial).toMatchObject({ method: 'paired-bootstrap', verdict: 'unchanged', pValue: 1 });
  });

  it('exits 1 on a significant regression with --fail-on-regression, 0 without a change', async () => {
    // One process each, started together: the CLI's start-up dominates.
    const [failed, same, markdown, unknown] = await Promise.all([
      runCli(['compare', baseline, candidate, '--results', results, '--fail-on-regression']),
      runCli(['compare', baseline, baseline, '--results', results, '--fail-on-regression', '--format', 'json']),
      runCli(['compare', baseline, candidate, '--results', results, '--format', 'md']),
      runCli(['compare', baseline, 'nope', '--results', results]),
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('2 significant regression(s), 0 improvement(s)');
    expect(failed.stdout).toMatch(/strong\s+│\s+odd\s+│\s+REGRESSION/);
    expect(failed.stderr).toContain(`2 significant regression(s) from ${baseline} to ${candidate}`);
    expect(same.code).toBe(0);
    expect((JSON.parse(same.stdout) as Comparison).regressions).toBe(0);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('**2 significant regressions**');
    expect(markdown.stdout).toContain('| strong | odd | regression |');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no run `nope`');
  });
});
