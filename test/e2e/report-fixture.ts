import { DuckDBInstance } from '../../harness/store/duckdb-api.ts';
import type { LoadedConfig } from '../../harness/config/load-config.ts';
import type { Provider } from '../../harness/core/provider-contract.ts';
import { createProvider } from '../../harness/providers/create-provider.ts';
import { executeRun } from '../../harness/run/execute-run.ts';
import { loadSuite } from '../../harness/suites/load-suite.ts';
import type { createTempDir } from '../helpers/temp-dir.ts';
import { writeSimConfig } from '../helpers/tiny-run.ts';

type TempDir = ReturnType<typeof createTempDir>;

/** A model output and an expected answer that would run script if a report failed to escape them. */
export const hostileText = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const latency = '{ ttft_ms: 200, tokens_per_s: 400, jitter: 0.3 }';
const sim = (skill: string, extra = '') => `{ skill: ${skill}, latency: ${latency}${extra} }`;

/**
 * Two suites: pass/fail arithmetic in categories `even` and `odd`, and a `partial` category whose
 * custom scorer gives partial credit (so the report needs a bootstrap there).
 */
export function writeReportSuites(dir: TempDir) {
  const arithmetic = Array.from({ length: 20 }, (_, index) => `  - { id: t${String(index).padStart(2, '0')}, category: ${index % 2 === 0 ? 'even' : 'odd'}, vars: { a: ${index}, b: 2 }, expected: ${index + 2} }`);
  const capitals = Array.from({ length: 8 }, (_, index) => `  - { id: p${index}, category: partial, vars: { country: c${index} }, expected: city${index} }`);
  dir.write('partial-scorer.mjs', 'export default (task, completion) => completion.trim() === String(task.expected) ? 1 : (completion.trim().charCodeAt(completion.trim().length - 1) % 3) / 4;\n');
  const arith = dir.write('arith.yaml', ['suite: arith', 'version: 1', 'prompt: "What is {{a}} + {{b}}?"', 'defaults:', '  scorer: { type: numeric }', '  generation: { max_tokens: 64 }', 'tasks:', ...arithmetic, ''].join('\n'));
  const partial = dir.write('partial.yaml', ['suite: partial', 'version: 1', 'prompt: "Name the capital of {{country}}."', 'defaults:', '  scorer: { type: custom, module: ./partial-scorer.mjs }', '  generation: { max_tokens: 16 }', 'tasks:', ...capitals, ''].join('\n'));
  return [loadSuite(arith), loadSuite(partial)];
}

/** Four simulated models: strong, weak, one with server errors, one without a price. `oddSkill` lowers `strong` on odd tasks. */
export function writeFleet(dir: TempDir, oddSkill?: number): LoadedConfig {
  const strongSkill = oddSkill === undefined ? '{ default: 0.9 }' : `{ default: 0.9, odd: ${oddSkill} }`;
  return writeSimConfig(dir, [
    `{ id: strong, provider: sim, model: strong-1, price: { input: 3, output: 15 }, limits: { concurrency: 8 }, sim: ${sim(strongSkill)} }`,
    `{ id: weak, provider: sim, model: weak-1, price: { input: 0.1, output: 0.4 }, limits: { concurrency: 8 }, sim: ${sim('{ default: 0.5 }')} }`,
    `{ id: flaky, provider: sim, model: flaky-1, price: { input: 1, output: 2 }, limits: { concurrency: 8 }, sim: ${sim('{ default: 0.7 }', ', faults: { server_error: 0.25 }')} }`,
    `{ id: unpriced, provider: sim, model: not-in-any-price-table, limits: { concurrency: 8 }, sim: ${sim('{ default: 0.6 }')} }`,
  ], 'retry: { max_retries: 0, base_delay_ms: 1, max_delay_ms: 5 }');
}

/** Runs the suites against a fleet into `dbPath` with three repeats; returns the run id. */
export async function runFleet(dir: TempDir, dbPath: string, config: LoadedConfig, options: { wrap?: (modelId: string, provider: Provider) => Provider } = {}): Promise<string> {
  const suites = writeReportSuites(dir);
  const outcome = await executeRun({
    suitePaths: suites.map((suite) => suite.file),
    suites,
    config,
    dbPath,
    repeats: 3,
    simTimeScale: 0.02,
    createProvider: (model, index, context) => options.wrap?.(model.id, createProvider(model, index, context)) ?? createProvider(model, index, context),
  });
  return outcome.runId;
}

/** Runs SQL against a database file, read-write (for test-only edits), and closes it. */
export async function execute(dbPath: string, ...statements: string[]): Promise<Record<string, unknown>[][]> {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  try {
    const results = [];
    for (const sql of statements) results.push((await connection.runAndReadAll(sql)).getRowObjectsJS());
    return results;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Judge calls as a judge scorer books them, inserted directly: the report must show their cost apart. */
export async function insertJudgments(dbPath: string, runId: string): Promise<void> {
  await execute(
    dbPath,
    `INSERT INTO judgments (run_id, suite_id, task_id, model_id, repeat_index, judge_index, judge_model_id, prompt_hash, status, score, input_tokens, output_tokens, cost_usd, latency_ms, retries, created_at)
     SELECT run_id, suite_id, task_id, model_id, repeat_index, 0, CASE WHEN task_id < 'p4' THEN 'judge-a' ELSE 'judge-b' END, 'h', 'ok', score, 100, 20, 0.0005 + length(task_id) * 0.0001, 5, 0, now()
       FROM attempts WHERE run_id = '${runId}' AND suite_id = 'partial' AND status = 'ok' AND model_id IN ('strong', 'weak')`,
  );
}
