import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { execute, hostileText, runFleet, writeFleet } from './report-fixture.ts';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const hostileCategory = 'odd<img src=x onerror="window.__pwned = 3">';

const dir = createTempDir('baton-report-browser-');
const results = dir.path('results');
const dbPath = dir.path('results', 'baton.duckdb');
const htmlFile = dir.path('results', 'report.html');
let browser: Browser | undefined;
let cli: { code: number | null; stdout: string; stderr: string };

// The fullest page: two runs (trend and comparison), a policy file, and a model whose every
// answer is markup that would run script, plus a category name that would too (as an imported
// database could hold), so escaping is checked in tables and in the SVG text of the charts.
beforeAll(async () => {
  if (!hasChromium) return;
  const first = await runFleet(dir, dbPath, writeFleet(dir));
  await runFleet(dir, dbPath, writeFleet(dir, 0.2), { wrap: (modelId, provider) => (modelId !== 'weak' ? provider : { ...provider, generate: async (request) => ({ ...(await provider.generate(request)), text: hostileText }) }) });
  await execute(dbPath, `UPDATE tasks SET category = '${hostileCategory.replaceAll("'", "''")}' WHERE category = 'odd'`);
  dir.write('results/policy.json', JSON.stringify({ schema: 'baton.policy/1', objective: 'min-cost', routes: [{ match: { category: 'even' }, model: 'strong' }, { match: { category: 'partial' }, model: 'weak' }], default: { model: 'strong' } }));
  cli = await runCli(['report', '--results', results, '--last', '2', '--compare', first]);
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
afterAll(async () => {
  await browser?.close();
  dir.remove();
});

describe.skipIf(!hasChromium)(hasChromium ? 'the HTML report in headless Chromium' : `the HTML report in headless Chromium — SKIPPED: no browser at ${chromiumPath} (apt-get install chromium)`, () => {
  it('renders every chart, loads nothing, logs no error, runs no injected script, and sorts', async () => {
    expect(cli.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('note: '))).toEqual([]);
    expect(cli.code).toBe(0);
    const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(htmlFile).href;
    await page.goto(url, { waitUntil: 'load' });

    const figures = page.locator('figure');
    const ids: (string | null)[] = [];
    for (let index = 0; index < (await figures.count()); index += 1) {
      const figure = figures.nth(index);
      const id = await figure.getAttribute('id');
      ids.push(id);
      const box = await figure.locator('svg').boundingBox();
      expect(box?.width ?? 0, String(id)).toBeGreaterThan(200);
      expect(box?.height ?? 0, String(id)).toBeGreaterThan(80);
      expect(await figure.locator('svg').locator('path, rect, line, text').count(), String(id)).toBeGreaterThan(10);
    }
    expect(ids).toEqual(['chart-comparison', 'chart-cost-vs-quality', 'chart-quality-by-category', 'chart-cost-per-correct', 'chart-latency', 'chart-cost-vs-quality-by-category', 'chart-trend', 'chart-policy-vs-best-model']);
    expect(await page.locator('#simulated-banner').isVisible()).toBe(true);

    // Hostile text is shown as text and runs nothing.
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('code.sample', { hasText: hostileText }).count()).toBeGreaterThan(0);
    expect(await page.locator('#category-table td', { hasText: hostileCategory }).count()).toBeGreaterThan(0);
    // Axis labels are truncated to their width, so only the start of the name is looked for.
    expect(await page.locator('#chart-quality-by-category svg text', { hasText: 'odd<img src=x' }).count()).toBeGreaterThan(0);

    // Sorting: cost per 1k tasks ascending, unpriced last.
    await page.locator('#headline-table th button', { hasText: 'Cost / 1k tasks' }).click();
    const cells = page.locator('#headline-table tbody tr td:nth-child(3)');
    const costs: (string | null)[] = [];
    for (let index = 0; index < (await cells.count()); index += 1) costs.push(await cells.nth(index).getAttribute('data-value'));
    const priced = costs.filter((value) => value !== '' && value !== null).map(Number);
    expect(priced).toEqual([...priced].sort((a, b) => a - b));
    expect(costs.at(-1)).toBe('');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}report.png`, fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });
});
