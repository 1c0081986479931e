import { fitAndWritePolicy } from '../policies/fit-and-write-policy.ts';
import { writeReport } from '../reports/write-report.ts';
import { createBenchWorkspace } from './bench-workspace.ts';
import { trackPeakRss } from './peak-rss.ts';
import { writeSyntheticStore } from './synthetic-store.ts';

/** Workload e: fit with 5-fold evaluation, and the report, on a large synthetic store. */
export async function benchAnalysisAtScale(tasks = 100_000, models = 20) {
  const workspace = createBenchWorkspace('analysis');
  try {
    const dbPath = workspace.path('baton.duckdb');
    const built = performance.now();
    const runId = await writeSyntheticStore(dbPath, tasks, models);
    const buildSeconds = (performance.now() - built) / 1000;
    const rss = trackPeakRss();
    let started = performance.now();
    await fitAndWritePolicy({ dbPath, outFile: workspace.path('policy.json'), runIds: [runId], evaluateFolds: 5, timestamp: null });
    const fitSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await writeReport({ dbPath, runIds: [runId], outFile: workspace.path('report.html'), formats: ['html', 'json'] });
    const reportSeconds = (performance.now() - started) / 1000;
    return { attempts: tasks * models, buildSeconds, fitSeconds, reportSeconds, peakRssMb: rss.stop() / 1024 / 1024 };
  } finally {
    workspace.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { tasks: { type: 'string', default: '100000' }, models: { type: 'string', default: '20' } } });
  process.stdout.write(`${JSON.stringify(await benchAnalysisAtScale(Number(values.tasks), Number(values.models)))}\n`);
}
