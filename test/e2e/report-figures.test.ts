import { copyFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapMeanInterval } from '../../harness/stats/bootstrap-interval.ts';
import type { MetricRow, ReportData } from '../../reports/report-data.ts';
import { renderReport } from '../../reports/render-report.ts';
import { writeReport } from '../../reports/write-report.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { execute, insertJudgments, runFleet, writeFleet } from './report-fixture.ts';

const dir = createTempDir('baton-report-figures-');
const dbPath = dir.path('results', 'baton.duckdb');
let first = '';
let second = '';
let data: ReportData;
let files: readonly string[] = [];

beforeAll(async () => {
  first = await runFleet(dir, dbPath, writeFleet(dir));
  second = await runFleet(dir, dbPath, writeFleet(dir, 0.2));
  await insertJudgments(dbPath, second);
  const written = await writeReport({ dbPath, outFile: dir.path('results', 'report.html'), formats: ['html', 'md', 'csv', 'json'], now: new Date('2026-01-01T00:00:00Z') });
  data = JSON.parse(readFileSync(dir.path('results', 'report.json'), 'utf8')) as ReportData;
  files = written.files;
});
afterAll(() => dir.remove());

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const key = (model: unknown, category: unknown) => `${typeof model === 'string' ? model : ''}|${typeof category === 'string' ? category : '*'}`;

/**
 * The figures, computed independently of the report's SQL: one plain GROUP BY per level (no
 * grouping sets), the Wilson bounds written out in SQL, pass@k as "any repeat passed" (the
 * estimator's value when k is every repeat), cost ratios from raw sums.
 */
async function expectedFigures(runId: string): Promise<Map<string, Record<string, unknown>>> {
  const select = (category: string) => `
    WITH base AS (SELECT a.*, t.category FROM attempts a JOIN tasks t USING (run_id, suite_id, task_id) WHERE a.run_id = '${runId}'),
    g AS (
      SELECT model_id, ${category} AS category,
             count(*) AS attempts, sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END) AS ok,
             sum(CASE WHEN status IN ('error', 'timeout') THEN 1 ELSE 0 END) AS failed,
             sum(CASE WHEN status = 'ok' AND passed THEN 1 ELSE 0 END)::DOUBLE AS passed,
             sum(CASE WHEN status = 'ok' AND passed IS NOT NULL THEN 1 ELSE 0 END)::DOUBLE AS graded,
             avg(CASE WHEN status = 'ok' THEN score END) AS mean_score,
             bool_or(status = 'ok' AND score > 0 AND score < 1) AS partial,
             CASE WHEN bool_or(status = 'ok' AND cost_usd IS NULL) THEN NULL ELSE sum(cost_usd) END AS cost,
             quantile_cont(CASE WHEN status = 'ok' THEN latency_ms END, 0.5) AS p50,
             quantile_cont(CASE WHEN status = 'ok' THEN latency_ms END, 0.95) AS p95,
             quantile_cont(CASE WHEN status = 'ok' THEN latency_ms END, 0.99) AS p99,
             quantile_cont(CASE WHEN status = 'ok' THEN ttft_ms END, 0.5) AS ttft50,
             sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
             avg(CASE WHEN status = 'ok' THEN output_tokens END) AS mean_output_tokens
        FROM base GROUP BY ALL),
    tasks_of AS (
      SELECT model_id, ${category} AS category, suite_id, task_id, count(*) AS n, sum(passed::INT) AS c
        FROM base WHERE status = 'ok' GROUP BY ALL),
    kmax AS (SELECT model_id, category, max(n) AS k FROM tasks_of GROUP BY ALL),
    k AS (
      SELECT t.model_id, t.category, any_value(m.k) AS k,
             avg(CASE WHEN t.c > 0 THEN 1.0 ELSE 0.0 END) FILTER (WHERE t.n = m.k) AS any_pass,
             count(*) FILTER (WHERE t.n = m.k) AS k_tasks,
             sum(CASE WHEN t.c > 0 AND t.c < t.n THEN 1 ELSE 0 END) AS flaky
        FROM tasks_of t JOIN kmax m ON m.model_id = t.model_id AND m.category IS NOT DISTINCT FROM t.category
       GROUP BY ALL),
    judged AS (
      SELECT j.model_id, ${category.replace('category', 't.category')} AS category, sum(j.cost_usd) AS judge_cost
        FROM judgments j JOIN tasks t USING (run_id, suite_id, task_id) WHERE j.run_id = '${runId}' GROUP BY ALL)
    SELECT g.*, k.k, k.any_pass, k.k_tasks, k.flaky, judged.judge_cost,
           (passed / graded + 1.959963984540054 ^ 2 / (2 * graded) - 1.959963984540054 * sqrt(passed / graded * (1 - passed / graded) / graded + 1.959963984540054 ^ 2 / (4 * graded * graded))) / (1 + 1.959963984540054 ^ 2 / graded) AS wilson_low,
           (passed / graded + 1.959963984540054 ^ 2 / (2 * graded) + 1.959963984540054 * sqrt(passed / graded * (1 - passed / graded) / graded + 1.959963984540054 ^ 2 / (4 * graded * graded))) / (1 + 1.959963984540054 ^ 2 / graded) AS wilson_high
      FROM g
      LEFT JOIN k ON k.model_id = g.model_id AND k.category IS NOT DISTINCT FROM g.category
      LEFT JOIN judged ON judged.model_id = g.model_id AND judged.category IS NOT DISTINCT FROM g.category`;
  const [cells, models] = await execute(dbPath, select('category'), select('NULL::VARCHAR'));
  return new Map([...(cells ?? []), ...(models ?? [])].map((row) => [key(row.model_id, row.category), row]));
}

function expectRowToMatch(row: MetricRow, sql: Record<string, unknown>) {
  const close = (actual: number | null, expected: unknown) => (expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(Number(expected), 9));
  expect(row.attempts).toBe(num(sql.attempts));
  expect(row.ok).toBe(num(sql.ok));
  expect(row.graded).toBe(num(sql.graded));
  expect(row.passed).toBe(num(sql.passed));
  close(row.errorRate, (num(sql.failed) ?? 0) / (num(sql.attempts) ?? 1));
  close(row.passRate.estimate, (num(sql.passed) ?? 0) / (num(sql.graded) ?? 1));
  close(row.passRate.low, sql.wilson_low);
  close(row.passRate.high, sql.wilson_high);
  close(row.meanScore, sql.mean_score);
  close(row.costUsd, sql.cost);
  close(row.costPerTask, sql.cost === null ? null : Number(sql.cost) / Number(sql.attempts));
  close(row.costPerCorrect, sql.cost === null ? null : Number(sql.cost) / Number(sql.passed));
  close(row.latencyP50Ms, sql.p50);
  close(row.latencyP95Ms, sql.p95);
  close(row.latencyP99Ms, sql.p99);
  close(row.ttftP50Ms, sql.ttft50);
  close(row.inputTokens, num(sql.input_tokens));
  close(row.outputTokens, num(sql.output_tokens));
  close(row.meanOutputTokens, sql.mean_output_tokens);
  expect(row.passAtK?.k).toBe(num(sql.k));
  close(row.passAtK?.estimate ?? null, sql.any_pass);
  expect(row.passAtK?.flakyTasks).toBe(num(sql.flaky));
  expect(row.passAtK?.tasks).toBe(num(sql.k_tasks));
  close(row.judgeCostUsd, sql.judge_cost ?? 0);
  if (sql.partial === true) {
    expect(row.qualityMethod).toBe('bootstrap');
    close(row.quality.estimate, sql.mean_score);
  } else {
    expect(row.qualityMethod).toBe('wilson');
    expect(row.quality).toEqual(row.passRate);
  }
}

describe('report figures equal an independent SQL computation', () => {
  it('reports the latest run by default, per model and per (model, category)', async () => {
    expect(data.subject.runId).toBe(second);
    expect(data.runs.map((run) => run.runId)).toEqual([second]);
    expect(data.simulated).toBe(true);
    expect(data.categories).toEqual(['even', 'odd', 'partial']);
    const expected = await expectedFigures(second);
    const rows = [...data.models, ...data.cells];
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) expectRowToMatch(row, expected.get(key(row.modelId, row.category)) ?? {});
    // Errors are kept apart: the flaky model failed some calls, and those are not wrong answers.
    const flaky = data.models.find((row) => row.modelId === 'flaky');
    expect(flaky?.errors).toBeGreaterThan(0);
    expect(flaky?.graded).toBe((flaky?.attempts ?? 0) - (flaky?.errors ?? 0));
  });

  it('computes partial-credit intervals by a bootstrap reproducible from its seed', async () => {
    const [scores] = await execute(dbPath, `SELECT a.score FROM attempts a JOIN tasks t USING (run_id, suite_id, task_id) WHERE a.run_id = '${second}' AND a.model_id = 'weak' AND t.category = 'partial' AND a.status = 'ok' ORDER BY a.suite_id, a.task_id, a.repeat_index`);
    const interval = bootstrapMeanInterval((scores ?? []).map((row) => Number(row.score)), { seed: 1, resamples: 2000 });
    const cell = data.cells.find((row) => row.modelId === 'weak' && row.category === 'partial');
    expect(cell?.qualityMethod).toBe('bootstrap');
    expect(cell?.quality.low).toBe(interval.low);
    expect(cell?.quality.high).toBe(interval.high);
    const again = await writeReport({ dbPath, outFile: dir.path('again', 'report.json'), formats: ['json'], now: new Date('2026-01-01T00:00:00Z') });
    expect(readFileSync(again.files[0] ?? '', 'utf8')).toBe(readFileSync(dir.path('results', 'report.json'), 'utf8'));
    const reseeded = await writeReport({ dbPath, outFile: dir.path('seed', 'report.json'), formats: ['json'], settings: { bootstrapSeed: 2 } });
    const bootstrapped = (report: ReportData) => [...report.models, ...report.cells].filter((row) => row.qualityMethod === 'bootstrap').map((row) => row.quality);
    expect(bootstrapped(reseeded.data)).toHaveLength(bootstrapped(data).length);
    expect(bootstrapped(reseeded.data)).not.toEqual(bootstrapped(data));
  });

  it('leaves cost blank for an unpriced model and says why, and books judge calls apart', async () => {
    const unpriced = data.models.find((row) => row.modelId === 'unpriced');
    expect(unpriced).toMatchObject({ costUsd: null, costPerTask: null, costPerCorrect: null });
    expect(data.notes.join('\n')).toContain('model `unpriced` has 84 answer(s) without a price');
    const [judges] = await execute(dbPath, `SELECT judge_model_id, count(*) AS calls, sum(cost_usd) AS cost FROM judgments WHERE run_id = '${second}' GROUP BY ALL ORDER BY 1`);
    expect(data.judges?.map((judge) => [judge.judgeModelId, judge.calls])).toEqual((judges ?? []).map((row) => [row.judge_model_id, Number(row.calls)]));
    data.judges?.forEach((judge, index) => expect(judge.costUsd).toBeCloseTo(Number(judges?.[index]?.cost), 12));
    // The candidate's own cost excludes the judge: it equals the attempts' cost alone (checked above), and the judge cost is nonzero.
    expect(data.models.find((row) => row.modelId === 'strong')?.judgeCostUsd).toBeGreaterThan(0);
  });

  it('writes the same figures to CSV, the HTML tables and Markdown', () => {
    expect(files.map((file) => file.replace(dir.root, ''))).toEqual(expect.arrayContaining(['/results/report.html', '/results/report.md', '/results/report.csv', '/results/report.json', '/results/report.specs/cost-vs-quality.vl.json']));
    const [header, ...lines] = readFileSync(dir.path('results', 'report.csv'), 'utf8').trim().split('\r\n');
    const names = (header ?? '').split(',');
    expect(lines).toHaveLength(data.cells.length);
    lines.forEach((line, index) => {
      const csv = Object.fromEntries(line.split(',').map((value, column) => [names[column] ?? '', value]));
      const cell = data.cells[index] as MetricRow;
      const text = (value: number | null) => (value === null ? '' : String(value));
      expect(csv).toMatchObject({ model_id: cell.modelId, category: cell.category, quality: text(cell.quality.estimate), quality_low: text(cell.quality.low), cost_per_correct_usd: text(cell.costPerCorrect), latency_p95_ms: text(cell.latencyP95Ms), error_rate: text(cell.errorRate), judge_cost_usd: text(cell.judgeCostUsd) });
    });
    const html = readFileSync(dir.path('results', 'report.html'), 'utf8');
    const table = /<table class="sortable" id="headline-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr class="[^"]*">([\s\S]*?)<\/tr>/g)].map((match) => [...(match[1] ?? '').matchAll(/data-value="([^"]*)"/g)].map((value) => value[1]));
    expect(rows.map((row) => row[0])).toEqual(data.models.map((model) => model.modelId));
    rows.forEach((row, index) => {
      const model = data.models[index] as MetricRow;
      const perThousand = (value: number | null) => (value === null ? '' : String(value * 1000));
      expect(row.slice(1, 6)).toEqual([String(model.quality.estimate), perThousand(model.costPerTask), perThousand(model.costPerCorrect), String(model.latencyP95Ms), String(model.errorRate)]);
    });
    const markdown = readFileSync(dir.path('results', 'report.md'), 'utf8');
    expect(markdown).toContain('**Simulated models.**');
    const strong = data.models.find((model) => model.modelId === 'strong') as MetricRow;
    expect(markdown).toContain(`| strong | ${((strong.quality.estimate ?? 0) * 100).toFixed(1)} % (`);
  });

  it('draws every chart without a vega or vega-lite warning', async () => {
    const trend = await writeReport({ dbPath, outFile: dir.path('trend-html', 'report.json'), formats: ['json'], last: 2, compareWith: first });
    const rendered = await renderReport(trend.data, 'html');
    expect(rendered.charts.map((chart) => chart.name)).toEqual(['comparison', 'cost-vs-quality', 'quality-by-category', 'cost-per-correct', 'latency', 'cost-vs-quality-by-category', 'trend']);
    expect(rendered.warnings).toEqual([]);
  });

  it('selects runs: --last gives a trend, two runs give a comparison', async () => {
    const trend = await writeReport({ dbPath, outFile: dir.path('trend', 'report.json'), formats: ['json'], last: 2 });
    expect(trend.data.runs.map((run) => run.runId)).toEqual([first, second]);
    expect(trend.data.trend.map((row) => [row.runId, row.modelId])).toHaveLength(8);
    expect(trend.data.comparison).toBeNull();
    const pair = await writeReport({ dbPath, outFile: dir.path('pair', 'report.json'), formats: ['json'], runIds: [first, second] });
    expect(pair.data.comparison).toMatchObject({ baselineRunId: first, candidateRunId: second });
    const older = await writeReport({ dbPath, outFile: dir.path('older', 'report.json'), formats: ['json'], runIds: [first] });
    expect(older.data.subject.runId).toBe(first);
    await expect(writeReport({ dbPath, outFile: dir.path('x', 'r.json'), formats: ['json'], runIds: ['nope'] })).rejects.toThrow('no run `nope`');
  });

  it('reports a run that stored no attempt yet without failing', async () => {
    const emptyDb = dir.path('empty', 'baton.duckdb');
    copyFileSync(dbPath, emptyDb);
    await execute(emptyDb, `INSERT INTO runs SELECT * REPLACE ('r-empty' AS run_id, 'running' AS status, started_at + INTERVAL 1 HOUR AS started_at) FROM runs WHERE run_id = '${second}'`);
    const report = await writeReport({ dbPath: emptyDb, outFile: dir.path('empty', 'report.html'), formats: ['html', 'md', 'csv', 'json'] });
    expect(report.data.subject.runId).toBe('r-empty');
    expect(report.data.models).toEqual([]);
    expect(report.data.notes).toContain("the run's status is `running`: figures cover the attempts stored so far");
    expect(readFileSync(dir.path('empty', 'report.html'), 'utf8')).toContain('id="headline-table"');
  });

  it('works on a database from before the judgments migration', async () => {
    const oldDb = dir.path('old', 'baton.duckdb');
    copyFileSync(dbPath, oldDb);
    await execute(oldDb, 'DROP TABLE judgments', 'ALTER TABLE attempts DROP COLUMN check_passed');
    const report = await writeReport({ dbPath: oldDb, outFile: dir.path('old', 'report.html'), formats: ['html', 'json'] });
    expect(report.data.judges).toBeNull();
    expect(report.data.models.every((model) => model.judgeCostUsd === null && model.judgeCalls === null)).toBe(true);
    expect(readFileSync(dir.path('old', 'report.html'), 'utf8')).not.toContain('Judge cost');
  });
});
