// Import throughput on real data: RouteLLM MMLU + GSM8K and pricing-reversal (raw JSON and the long
// CSV) from ../shared/data, each into a fresh in-memory store, then export to Parquet and merge back.
// Run: npx tsx bench/import-shared-data.ts
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportResults } from '../harness/exchange/export-results.ts';
import type { ImportOptions } from '../harness/exchange/import-options.ts';
import { importRun } from '../harness/exchange/import-run.ts';
import { listInputFiles } from '../harness/exchange/list-input-files.ts';
import { mergeExports } from '../harness/exchange/merge-exports.ts';
import { openStore } from '../harness/store/open-store.ts';

const data = resolve(import.meta.dirname, '../../shared/data');
if (!existsSync(data)) {
  console.error(`shared data not found at ${data}`);
  process.exit(2);
}
const evals = join(data, 'routellm/routellm/evals');
const pricing = join(data, 'pricing-reversal');
const cases: [string, ImportOptions][] = [
  ['routellm mmlu', { format: 'routellm', paths: [join(evals, 'mmlu/responses')], excludePrompts: join(evals, 'mmlu/contaminated_prompts.jsonl') }],
  ['routellm gsm8k', { format: 'routellm', paths: [join(evals, 'gsm8k/gsm8k_responses.csv')], excludePrompts: join(evals, 'gsm8k/contaminated_prompts.jsonl') }],
  ['pricing-reversal raw', { format: 'collector', paths: [join(pricing, 'raw')] }],
  ['pricing-reversal long', { format: 'long', paths: [join(pricing, 'pricing_reversal_long.csv')], categoryFrom: 'dataset', long: { task: 'index', model: 'model', score: 'score', suite: 'dataset' } }],
];
const folder = mkdtempSync(join(tmpdir(), 'baton-bench-'));
try {
  for (const [label, options] of cases) {
    const store = await openStore(':memory:');
    const started = performance.now();
    const outcome = await importRun(store, options);
    const imported = performance.now() - started;
    const file = join(folder, `${outcome.runId}.parquet`);
    await exportResults(store, outcome.runId, 'parquet', file);
    const exported = performance.now() - started - imported;
    const merged = await mergeExports(store, listInputFiles([file], ['.parquet']));
    const total = performance.now() - started;
    console.log(`${label}: ${outcome.attempts} attempts, ${outcome.tasks} tasks, ${outcome.models} models; import ${imported.toFixed(0)} ms (${((outcome.attempts / imported) * 1000).toFixed(0)} attempts/s), export ${exported.toFixed(0)} ms, merge back ${(total - imported - exported).toFixed(0)} ms (${merged.attempts} attempts)`);
    store.close();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
