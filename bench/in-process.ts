// Workloads a and f: the whole pipeline in process (plan, scheduler, zero-latency sim provider,
// scoring, DuckDB appends). Run: npx tsx bench/in-process.ts [--attempts 200000] [--models 2]
import { parseArgs } from 'node:util';
import { loadConfig } from '../harness/config/load-config.ts';
import { executeRun } from '../harness/run/execute-run.ts';
import { loadSuite } from '../harness/suites/load-suite.ts';
import { createBenchWorkspace, writeArithmeticSuite } from './bench-workspace.ts';
import { trackPeakRss } from './peak-rss.ts';

/** Result of one in-process run. */
export interface InProcessResult {
  readonly attempts: number;
  readonly seconds: number;
  readonly attemptsPerSecond: number;
  readonly peakRssMb: number;
}

/** Runs `attempts` attempts over `models` zero-latency simulated models and measures them. */
export async function benchInProcess(attempts: number, models = 2): Promise<InProcessResult> {
  const workspace = createBenchWorkspace(`in-process-${attempts}`);
  try {
    const suite = loadSuite(writeArithmeticSuite(workspace, Math.ceil(attempts / models)));
    const modelLines = Array.from({ length: models }, (_, index) => `  - { id: m${index}, provider: sim, model: m${index}, price: { input: 1, output: 2 }, limits: { concurrency: 256 }, sim: { skill: { default: 0.7 } } }`);
    const config = loadConfig(workspace.write('models.yaml', `models:\n${modelLines.join('\n')}\n`));
    const rss = trackPeakRss();
    const started = performance.now();
    const outcome = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath: workspace.path('baton.duckdb'), simTimeScale: 0, env: {} });
    const seconds = (performance.now() - started) / 1000;
    const stored = outcome.executed.ok + outcome.executed.error + outcome.executed.timeout;
    return { attempts: stored, seconds, attemptsPerSecond: stored / seconds, peakRssMb: rss.stop() / 1024 / 1024 };
  } finally {
    workspace.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { attempts: { type: 'string', default: '200000' }, models: { type: 'string', default: '2' } } });
  const result = await benchInProcess(Number(values.attempts), Number(values.models));
  console.log(JSON.stringify(result));
}
