// Workload b (`baton run`, 1,000 tasks x 2 models through the openai SDK against sim-serve) on
// each HTTP transport: BATON_HTTP_TRANSPORT=fetch (the built-in fetch) and node (the default),
// alternating run by run against one sim-serve process. Whole-process figures, start-up included.
// Not part of npm test. Run: npx tsx bench/http-transport-workload.ts [--tasks 1000 --runs 3 --concurrency 16,64]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createBenchWorkspace } from './bench-workspace.ts';
import { prepareHttpWorkload, runBatonHttp } from './http-workload.ts';
import type { CommandMeasure } from './measure-command.ts';
import { startSimServeProcess } from './sim-serve-process.ts';

const { values } = parseArgs({ options: { tasks: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '16,64' } } });
const tasks = Number(values.tasks);
const attempts = tasks * 2;
const transports = ['fetch', 'node'] as const;
const median = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;
const round = (value: number) => Math.round(value * 100) / 100;

const workspace = createBenchWorkspace('http-transport-workload');
const { suite, fleet } = prepareHttpWorkload(workspace, tasks);
const server = await startSimServeProcess(fleet, suite);
try {
  for (const concurrency of values.concurrency.split(',').map(Number)) {
    const results: Record<(typeof transports)[number], CommandMeasure[]> = { fetch: [], node: [] };
    for (let run = 0; run < Number(values.runs); run += 1) {
      for (const transport of run % 2 === 0 ? transports : [...transports].reverse()) {
        // runBatonHttp passes this process's environment on to `baton run`.
        process.env.BATON_HTTP_TRANSPORT = transport;
        const result = await runBatonHttp(workspace, suite, server.url, concurrency, `${transport}-${concurrency}-${run}`);
        if (result.code !== 0) throw new Error(`baton run failed (exit ${String(result.code)}): ${result.stderr.slice(-500)}`);
        results[transport].push(result);
      }
    }
    const summary = (transport: (typeof transports)[number]) => ({
      attempts_per_s: round(attempts / median(results[transport].map((result) => result.seconds))),
      cpu_seconds: results[transport].map((result) => result.cpuSeconds),
      wall_seconds: results[transport].map((result) => result.seconds),
      peak_rss_mb: round(Math.max(...results[transport].map((result) => result.peakRssMb))),
    });
    const fetch = summary('fetch');
    const node = summary('node');
    console.log(JSON.stringify({
      workload: 'b', concurrency, attempts, cores: cpus().length, loadavg: loadavg().map(round), fetch, node,
      throughput_ratio: round(node.attempts_per_s / fetch.attempts_per_s), cpu_ratio: round(median(node.cpu_seconds) / median(fetch.cpu_seconds)),
    }));
  }
} finally {
  delete process.env.BATON_HTTP_TRANSPORT;
  server.stop();
  workspace.remove();
}
