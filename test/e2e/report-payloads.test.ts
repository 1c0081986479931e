import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../harness/providers/create-provider.ts';
import { executeRun } from '../../harness/run/execute-run.ts';
import { loadSuite } from '../../harness/suites/load-suite.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { writeSimConfig } from '../helpers/tiny-run.ts';
import { execute } from './report-fixture.ts';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);

/** Markup that runs script (or navigates) wherever a report fails to escape it; each marks `window.__pwned`. */
const payloads = [
  '<script>window.__pwned = "script"</script>',
  '<a href="javascript:window.__pwned = \'link\'" id="bait">click</a>',
  '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '&lt;script&gt;window.__pwned = "entity"&lt;/script&gt; &#60;img src=x onerror=window.__pwned=1&#62; &amp;amp;',
  '"><iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  "'; window.__pwned = 'quote'; //",
  '</code></td></tr></table><script>window.__pwned = "break-out"</script>',
];
const hostileSuite = '<svg/onload=window.__pwned="suite">';
const hostileCategory = '<a href="javascript:window.__pwned=1">cat</a>';

const dir = createTempDir('baton-report-payloads-');
const dbPath = dir.path('results', 'baton.duckdb');
const htmlFile = dir.path('results', 'report.html');
let browser: Browser | undefined;
let cli: CliResult;

// Payloads in the task text (prompt variables and expected answers) and in every model output; the
// suite name and a category made hostile afterwards, as an imported database could hold them.
beforeAll(async () => {
  if (!hasChromium) return;
  const tasks = payloads.map((payload, index) => `  - { id: t${index}, category: c${index % 2}, vars: { text: ${JSON.stringify(payload)} }, expected: ${JSON.stringify(payload)} }`);
  const suite = loadSuite(dir.write('payloads.yaml', ['suite: payloads', 'version: 1', 'prompt: "Repeat exactly: {{text}}"', 'defaults:', '  scorer: { type: exact }', '  generation: { max_tokens: 64 }', 'tasks:', ...tasks, ''].join('\n')));
  const config = writeSimConfig(dir, ['{ id: echo, provider: sim, model: echo, price: { input: 1, output: 2 }, limits: { concurrency: 4 }, sim: { skill: { default: 0.5 } } }']);
  let call = 0;
  await executeRun({
    suitePaths: [suite.file], suites: [suite], config, dbPath, repeats: 2, simTimeScale: 0,
    createProvider: (model, index, context) => {
      const provider = createProvider(model, index, context);
      return { ...provider, generate: async (request) => ({ ...(await provider.generate(request)), text: `${payloads[(call += 1) % payloads.length] ?? ''} ${request.messages[0]?.content ?? ''}` }) };
    },
  });
  const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
  await execute(
    dbPath,
    `UPDATE tasks SET suite_id = ${quoted(hostileSuite)}`,
    `UPDATE attempts SET suite_id = ${quoted(hostileSuite)}`,
    `UPDATE tasks SET category = ${quoted(hostileCategory)} WHERE category = 'c1'`,
    `UPDATE runs SET suites = replace(suites::VARCHAR, '"payloads"', ${quoted(JSON.stringify(hostileSuite))})::JSON`,
  );
  cli = await runCli(['report', '--db', dbPath, '--out', htmlFile, '--format', 'html', 'md']);
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
afterAll(async () => {
  await browser?.close();
  dir.remove();
});

describe.skipIf(!hasChromium)(hasChromium ? 'a report of a suite full of payloads' : `a report of a suite full of payloads — SKIPPED: no browser at ${chromiumPath}`, () => {
  it('shows the payloads as text and runs no script in headless Chromium', async () => {
    expect(cli.code, cli.stderr).toBe(0);
    const page = await (browser as Browser).newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(htmlFile).href;
    await page.goto(url, { waitUntil: 'load' });
    // Clicking what a payload would have made a link must not run anything either.
    const bait = page.locator('#bait');
    if ((await bait.count()) > 0) await bait.first().click();
    await page.waitForTimeout(100);

    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, iframe, a[href^="javascript:" i], #bait').count()).toBe(0);
    // No element outside the charts carries an event-handler attribute; the charts draw none either.
    // A string, evaluated in the page: the project's types have no DOM.
    const handlers = await page.evaluate<string[]>("[...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.toLowerCase().startsWith('on')).map((attribute) => element.tagName + ' ' + attribute.name))");
    expect(handlers).toEqual([]);
    // The payloads are there, as text: in answers, expected answers, suite names and categories.
    const text = await page.locator('body').innerText();
    for (const payload of [payloads[0], payloads[1], payloads[2], hostileSuite, hostileCategory]) expect(text, payload).toContain(payload);
    // Entities stay as written: not decoded into markup and not double-decoded.
    expect(text).toContain('&lt;script&gt;');
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();

    const markdown = readFileSync(htmlFile.replace(/\.html$/, '.md'), 'utf8');
    expect(markdown).not.toMatch(/<script|<svg|<img|<iframe|<a href/i);
  });
});
