import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../reports/report-data.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { runFleet, writeFleet } from './report-fixture.ts';

const dir = createTempDir('baton-report-cli-');
const results = dir.path('results');
let runId = '';

beforeAll(async () => {
  runId = await runFleet(dir, dir.path('results', 'baton.duckdb'), writeFleet(dir));
});
afterAll(() => dir.remove());

describe('baton report', () => {
  it('writes the formats asked for, prints JSON on stdout, and refuses bad input with exit 2', async () => {
    // One process each, started together: the CLI's start-up dominates.
    const [html, formats, json, conflict, missing] = await Promise.all([
      runCli(['report', '--results', results]),
      runCli(['report', '--results', results, '--format', 'md', 'csv', '--out', dir.path('out', 'nightly.md')]),
      runCli(['report', '--results', results, '--format', 'json', '--stdout']),
      runCli(['report', '--results', results, '--run', runId, '--last', '2']),
      runCli(['report', '--results', dir.path('nowhere')]),
    ]);
    expect(html).toMatchObject({ code: 0, stdout: `report of run ${runId} (SIMULATED models): ${results}/report.html (+5 chart specs)\n` });
    expect(readFileSync(`${results}/report.html`, 'utf8')).toContain('<title>baton report · ');
    expect(existsSync(`${results}/report.specs/latency.vl.json`)).toBe(true);
    expect(formats.code).toBe(0);
    expect(readFileSync(dir.path('out', 'nightly.md'), 'utf8')).toContain(`## baton report · run \`${runId}\``);
    expect(readFileSync(dir.path('out', 'nightly.csv'), 'utf8').split('\r\n')[0]).toMatch(/^run_id,model_id,category,attempts,/);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as ReportData).subject.runId).toBe(runId);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain('mutually exclusive');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: no database at ${dir.path('nowhere')}/baton.duckdb`);
    for (const result of [conflict, missing]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
