// Memory on large input: a generated JSONL suite of --tasks tasks (default 100,000) run against one
// simulated model at time scale 0, into a DuckDB file. Each run is its own process, so each peak
// RSS is that run's alone. Three runs: --baseline tasks once, --tasks tasks once, and --baseline
// tasks repeated up to the same number of attempts. The last against the first isolates what
// grows with attempts (it should not: the plan is lazy and rows stream to the store) from what
// grows with the suite itself (it should not either: a run reads its task files again on each pass
// instead of keeping the tasks). Not part of `npm test`.
// Run: npx tsx bench/large-suite-memory.ts [--tasks 100000] [--baseline 10000]
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadRunInputs } from '../harness/run/load-run-inputs.ts';
import { executeRun } from '../harness/run/execute-run.ts';

const { values } = parseArgs({ options: { tasks: { type: 'string', default: '100000' }, baseline: { type: 'string', default: '10000' }, child: { type: 'string' }, repeats: { type: 'string', default: '1' } } });

/**
 * Writes a suite of `count` tasks (JSONL data file) and a one-model config into `dir`. The data file
 * is written 10,000 lines at a time: an array of every line (and their join) was live while the
 * run started, and the garbage collector sized the heap of the whole run from it.
 */
function writeInputs(dir: string, count: number): { suite: string; config: string } {
  const file = openSync(join(dir, 'tasks.jsonl'), 'w');
  try {
    for (let start = 0; start < count; start += 10_000) {
      let chunk = '';
      for (let index = start; index < Math.min(count, start + 10_000); index += 1) {
        chunk += `${JSON.stringify({ id: `t${index}`, category: `c${index % 20}`, vars: { a: index, b: 7, note: 'x'.repeat(index % 200) }, expected: index + 7 })}\n`;
      }
      writeSync(file, chunk);
    }
  } finally {
    closeSync(file);
  }
  const suite = join(dir, 'large.yaml');
  writeFileSync(suite, ['suite: large', 'version: 1', 'prompt: "What is {{a}} + {{b}}? {{note}}"', 'defaults: { scorer: { type: numeric }, generation: { max_tokens: 32 } }', 'tasks:', '  - { file: tasks.jsonl }', ''].join('\n'));
  const config = join(dir, 'models.yaml');
  writeFileSync(config, 'seed: 1\nmodels:\n  - { id: m, provider: sim, model: m, price: { input: 1, output: 2 }, limits: { concurrency: 64 }, sim: { skill: { default: 0.7 } } }\n');
  return { suite, config };
}

/** One measured run, in this process: prints one JSON line. */
async function measure(count: number, repeats: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-memory-'));
  try {
    const { suite, config: configPath } = writeInputs(dir, count);
    let peakHeap = 0;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
    const started = performance.now();
    const { suites, config } = loadRunInputs([suite], configPath);
    const loadedMs = performance.now() - started;
    const loadedHeap = process.memoryUsage().heapUsed;
    const outcome = await executeRun({ suitePaths: [suite], suites, config, dbPath: join(dir, 'baton.duckdb'), simTimeScale: 0, repeats });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const stored = Object.values(outcome.executed).reduce((sum, value) => sum + value, 0);
    process.stdout.write(`${JSON.stringify({ tasks: count, repeats, loadedHeapMb: loadedHeap / 2 ** 20, stored, status: outcome.status, seconds, loadSeconds: loadedMs / 1000, attemptsPerSecond: stored / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 2 ** 20 })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.child !== undefined) {
  await measure(Number(values.child), Number(values.repeats));
} else {
  const self = fileURLToPath(import.meta.url);
  const baseline = Number(values.baseline);
  const tasks = Number(values.tasks);
  const plans = [{ count: baseline, repeats: 1 }, { count: tasks, repeats: 1 }, { count: baseline, repeats: Math.round(tasks / baseline) }];
  const results = plans.map(({ count, repeats }) => {
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--child', String(count), '--repeats', String(repeats)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`the ${count}-task run failed (exit ${String(child.status)})`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { tasks: number; repeats: number; loadedHeapMb: number; stored: number; seconds: number; loadSeconds: number; attemptsPerSecond: number; peakRssMb: number; peakHeapMb: number };
  });
  for (const result of results) {
    process.stdout.write(`${String(result.tasks).padStart(7)} tasks × ${result.repeats}: heap ${result.loadedHeapMb.toFixed(0)} MB once loaded; ${result.stored} attempts in ${result.seconds.toFixed(1)} s (load ${result.loadSeconds.toFixed(1)} s), ${result.attemptsPerSecond.toFixed(0)} attempts/s, peak RSS ${result.peakRssMb.toFixed(0)} MB, peak heap ${result.peakHeapMb.toFixed(0)} MB\n`);
  }
  const [small, large, repeated] = results;
  if (small !== undefined && large !== undefined && repeated !== undefined) {
    process.stdout.write(`${large.tasks / small.tasks}× the tasks: ${(large.peakRssMb / small.peakRssMb).toFixed(2)}× the peak RSS; ${repeated.repeats}× the attempts on the same tasks: ${(repeated.peakRssMb / small.peakRssMb).toFixed(2)}×\n`);
  }
}
