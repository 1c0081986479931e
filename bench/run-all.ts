// npm run bench: workloads a, b, d, e and f of the performance issue (c is `npm run bench:peer`).
// Writes bench/results.json and prints a table. Not part of npm test.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBenchWorkspace } from './bench-workspace.ts';
import { prepareHttpWorkload, runBatonHttp } from './http-workload.ts';
import { measureCommand } from './measure-command.ts';
import { benchRateLimitFidelity } from './rate-limit-fidelity.ts';
import { startSimServeProcess } from './sim-serve-process.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, skip: { type: 'string', default: '' } } });
const skip = new Set(values.skip.split(',').filter(Boolean));
const quick = values.quick;
const rows: { workload: string; measure: string; value: number | string; goal: string; met: boolean | null }[] = [];
const add = (workload: string, measure: string, value: number | string, goal = '', met: boolean | null = null) => {
  rows.push({ workload, measure, value, goal, met });
  console.log(`${workload.padEnd(4)} ${measure.padEnd(46)} ${String(typeof value === 'number' ? Math.round(value * 100) / 100 : value).padStart(12)}  ${goal}${met === null ? '' : met ? '  met' : '  MISSED'}`);
};

/** An in-process run of `attempts` in a process of its own: sizes must not share a heap. */
async function inOwnProcess(attempts: number): Promise<{ attemptsPerSecond: number; peakRssMb: number }> {
  const script = fileURLToPath(new URL('./in-process.ts', import.meta.url));
  const run = await measureCommand(process.execPath, ['--import', 'tsx', script, '--attempts', String(attempts)]);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { attemptsPerSecond: number };
  return { attemptsPerSecond: result.attemptsPerSecond, peakRssMb: run.peakRssMb };
}

if (!skip.has('a')) {
  const attempts = quick ? 20_000 : 200_000;
  const a = await inOwnProcess(attempts);
  add('a', `in-process ${attempts} attempts: attempts/s`, a.attemptsPerSecond, '>= 20000', a.attemptsPerSecond >= 20_000);
  add('a', 'in-process: peak RSS MB (process)', a.peakRssMb, '< 500', a.peakRssMb < 500);
}
if (!skip.has('f')) {
  for (const attempts of quick ? [10_000, 50_000] : [10_000, 100_000, 1_000_000]) {
    const f = await inOwnProcess(attempts);
    add('f', `scaling ${attempts}: attempts/s`, f.attemptsPerSecond);
    add('f', `scaling ${attempts}: peak RSS MB (process)`, f.peakRssMb);
  }
}
if (!skip.has('b')) {
  const workspace = createBenchWorkspace('http');
  const { suite, fleet } = prepareHttpWorkload(workspace, 1000);
  const server = await startSimServeProcess(fleet, suite);
  try {
    for (const concurrency of [16, 64]) {
      const b = await runBatonHttp(workspace, suite, server.url, concurrency, `c${concurrency}`);
      if (b.code !== 0) console.error(b.stderr.slice(-400));
      add('b', `HTTP (openai SDK) 2000 attempts, c=${concurrency}: attempts/s`, 2000 / b.seconds);
      add('b', `HTTP c=${concurrency}: peak RSS MB (process)`, b.peakRssMb);
    }
  } finally {
    server.stop();
    workspace.remove();
  }
}
if (!skip.has('d')) {
  for (const configured of [true, false]) {
    const d = await benchRateLimitFidelity(configured, quick ? 700 : 900);
    const label = configured ? 'limits configured' : 'limits not configured';
    add('d', `${label}: share of the server's limit (busiest 30 s)`, d.shareOfLimit, configured ? '>= 0.95' : '>= 0.85', d.shareOfLimit >= (configured ? 0.95 : 0.85));
    add('d', `${label}: 429 responses`, d.rateLimited, configured ? '0' : '', configured ? d.rateLimited === 0 : null);
    add('d', `${label}: attempts completed of ${d.attempts}`, d.completed, 'all', d.completed === d.attempts);
  }
}
if (!skip.has('e')) {
  const tasks = quick ? 10_000 : 100_000;
  const script = fileURLToPath(new URL('./analysis-at-scale.ts', import.meta.url));
  // A child process with a time limit: a miss here must not take the other workloads down.
  const e = await measureCommand('timeout', ['300', process.execPath, '--import', 'tsx', script, '--tasks', String(tasks), '--models', '20']);
  const result = e.code === 0 ? (JSON.parse(e.stdout.trim().split('\n').at(-1) ?? '{}') as { fitSeconds: number; reportSeconds: number; peakRssMb: number }) : undefined;
  if (result === undefined) {
    add('e', `${tasks * 20} attempts: fit + 5-fold evaluation`, `failed (${e.code === 124 ? 'over 300 s' : `exit ${String(e.code)}`})`, '< 20 s', false);
  } else {
    add('e', `${tasks * 20} attempts: fit + 5-fold evaluation s`, result.fitSeconds, '< 20', result.fitSeconds < 20);
    add('e', `${tasks * 20} attempts: report s`, result.reportSeconds, '< 20', result.reportSeconds < 20);
  }
  add('e', `${tasks * 20} attempts: peak RSS MB (process)`, e.peakRssMb, '< 2048', e.peakRssMb < 2048);
}

const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, quick };
const resultsFile = new URL(quick ? './results-quick.json' : './results.json', import.meta.url);
// A partial run (--skip) replaces only the workloads it ran.
const ran = new Set(rows.map((row) => row.workload));
const kept = skip.size > 0 && existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { rows: typeof rows }).rows.filter((row) => !ran.has(row.workload)) : [];
const order = ['a', 'b', 'c', 'd', 'e', 'f'];
const merged = [...kept, ...rows].sort((x, y) => order.indexOf(x.workload) - order.indexOf(y.workload));
writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), machine, rows: merged }, null, 2)}\n`);
