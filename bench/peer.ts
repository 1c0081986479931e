// Workload c: baton against promptfoo, the leading open-source peer, on workload b in one
// invocation. promptfoo is installed from npm into a temporary folder (never a dependency of
// baton); 0.120 is its newest line that supports Node 20. The tools alternate run by run; baton
// runs streamed (its default) and unstreamed (one JSON body per call, as promptfoo asks for).
// Run: npm run bench:peer [-- --tasks 1000 --runs 3 --concurrency 16,64]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchWorkspace } from './bench-workspace.ts';
import { prepareHttpWorkload, runBatonHttp, runPromptfooHttp } from './http-workload.ts';
import type { CommandMeasure } from './measure-command.ts';
import { startSimServeProcess } from './sim-serve-process.ts';

const promptfooVersion = '0.120';
const { values } = parseArgs({ options: { tasks: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '16,64' } } });

function installPromptfoo(): string {
  const folder = join(tmpdir(), `baton-bench-promptfoo-${promptfooVersion}`);
  const bin = join(folder, 'node_modules', '.bin', 'promptfoo');
  if (!existsSync(bin)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), '{ "private": true }\n');
    console.log(`installing promptfoo@${promptfooVersion} into ${folder} ...`);
    execFileSync('npm', ['install', `promptfoo@${promptfooVersion}`, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
  }
  return bin;
}

const tools = ['baton', 'baton_unstreamed', 'promptfoo'] as const;
type Tool = (typeof tools)[number];
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const promptfoo = installPromptfoo();
const version = execFileSync(promptfoo, ['--version'], { env: { ...process.env, PROMPTFOO_DISABLE_TELEMETRY: '1', PROMPTFOO_DISABLE_UPDATE: '1' } }).toString().trim().split('\n').at(-1);
const workspace = createBenchWorkspace('peer');
const tasks = Number(values.tasks);
const { suite, fleet, prompts } = prepareHttpWorkload(workspace, tasks);
const server = await startSimServeProcess(fleet, suite);
const rows: Record<string, unknown>[] = [];
const concurrencies = values.concurrency.split(',').map(Number);
try {
  for (const concurrency of concurrencies) {
    // baton twice: streamed (its default) and one JSON body per call (`stream: false`), the same wire work as promptfoo's.
    const results: Record<Tool, CommandMeasure[]> = { baton: [], baton_unstreamed: [], promptfoo: [] };
    const serverCpu: Record<Tool, number[]> = { baton: [], baton_unstreamed: [], promptfoo: [] };
    // The server's CPU time while each tool ran: both share the same cores with it.
    const measured = async (tool: Tool, run: () => Promise<CommandMeasure>) => {
      const before = server.cpuSeconds();
      results[tool].push(await run());
      serverCpu[tool].push(Math.round((server.cpuSeconds() - before) * 100) / 100);
    };
    // One unmeasured run of each first: the server's JIT warms up on both response shapes
    // (streamed and JSON) and each tool's files are in the page cache, so no tool's first
    // measured run pays for the server's warm-up (it did: 3.1 s against 2.1-2.3 s after it).
    if (concurrency === concurrencies[0]) {
      await runBatonHttp(workspace, suite, server.url, concurrency, `warm-b${concurrency}`);
      await runBatonHttp(workspace, suite, server.url, concurrency, `warm-u${concurrency}`, false);
      await runPromptfooHttp(workspace, promptfoo, prompts, server.url, concurrency, `warm-p${concurrency}`);
    }
    for (let run = 0; run < Number(values.runs); run += 1) {
      await measured('baton', () => runBatonHttp(workspace, suite, server.url, concurrency, `b${concurrency}-${run}`));
      await measured('baton_unstreamed', () => runBatonHttp(workspace, suite, server.url, concurrency, `u${concurrency}-${run}`, false));
      await measured('promptfoo', () => runPromptfooHttp(workspace, promptfoo, prompts, server.url, concurrency, `p${concurrency}-${run}`));
    }
    for (const tool of tools) {
      const failed = results[tool].find((result) => result.code !== 0 && !(tool === 'promptfoo' && result.code === 100));
      if (failed !== undefined) console.error(`${tool} failed (exit ${String(failed.code)}): ${failed.stderr.slice(-500)}`);
    }
    const attempts = tasks * 2;
    const seconds = (tool: Tool) => median(results[tool].map((result) => result.seconds));
    const cpu = (tool: Tool) => median(results[tool].map((result) => result.cpuSeconds));
    const row: Record<string, unknown> = { workload: 'c', concurrency, attempts, promptfoo: version };
    for (const tool of tools) {
      Object.assign(row, {
        [`${tool}_seconds`]: results[tool].map((result) => result.seconds),
        [`${tool}_attempts_per_s`]: attempts / seconds(tool),
        [`${tool}_cpu_seconds`]: results[tool].map((result) => result.cpuSeconds),
        [`${tool}_peak_rss_mb`]: Math.max(...results[tool].map((result) => result.peakRssMb)),
        [`server_cpu_seconds_during_${tool}`]: serverCpu[tool],
      });
    }
    Object.assign(row, {
      throughput_ratio: seconds('promptfoo') / seconds('baton'),
      throughput_ratio_unstreamed: seconds('promptfoo') / seconds('baton_unstreamed'),
      cpu_ratio: cpu('promptfoo') / cpu('baton'),
      cpu_ratio_unstreamed: cpu('promptfoo') / cpu('baton_unstreamed'),
    });
    rows.push(row);
    console.log(JSON.stringify(row));
  }
} finally {
  server.stop();
  workspace.remove();
}
writeFileSync(new URL('./results-peer.json', import.meta.url), `${JSON.stringify({ machine: { cores: (await import('node:os')).cpus().length, node: process.version }, rows }, null, 2)}\n`);
