import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../core/input-error.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { exportResults } from './export-results.ts';
import { importRun } from './import-run.ts';

const dir = createTempDir();
afterAll(() => dir.remove());
let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(() => store.close());
const query = async (sql: string) => (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
const catchInput = async (action: Promise<unknown>) => {
  const error = await action.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
};

describe('importRun', () => {
  it('reads the RouterBench wide layout: one attempt per model column, cost and response beside it, oracle ignored', async () => {
    const file = dir.write('rb.csv', 'sample_id,prompt,eval_name,gpt-4,llama|total_cost,gpt-4|total_cost,gpt-4|model_response,llama,oracle_model_to_route_to\ns1,What is 2+2?,math,1,0.0001,0.003,4,0,gpt-4\ns2,Capital of France?,geo,1.0,0.0002,0.002,Paris,1,llama\n');
    const outcome = await importRun(store, { format: 'routerbench', paths: [file] });
    expect(outcome).toMatchObject({ attempts: 4, tasks: 2, models: 2, excluded: 0 });
    const rows = await query('SELECT task_id, model_id, score, passed, cost_usd, output FROM attempts ORDER BY ALL');
    expect(rows).toEqual([
      { task_id: 's1', model_id: 'gpt-4', score: 1, passed: true, cost_usd: 0.003, output: '4' },
      { task_id: 's1', model_id: 'llama', score: 0, passed: false, cost_usd: 0.0001, output: null },
      { task_id: 's2', model_id: 'gpt-4', score: 1, passed: true, cost_usd: 0.002, output: 'Paris' },
      { task_id: 's2', model_id: 'llama', score: 1, passed: true, cost_usd: 0.0002, output: null },
    ]);
    expect(await query('SELECT category FROM tasks ORDER BY task_id')).toEqual([{ category: 'math' }, { category: 'geo' }]);
    const [run] = await query("SELECT source, simulated, status, json_extract_string(options, '$.import.format') AS format, json_extract_string(options, '$.import.files[0].sha256') AS sha FROM runs");
    expect(run).toMatchObject({ source: 'import', simulated: false, status: 'completed', format: 'routerbench' });
    expect(run?.sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names file, row and column of a bad value, and writes nothing', async () => {
    const file = dir.write('bad.csv', 'task_id,model,score,cost_usd\nt1,a,1,0.1\nt1,b,high,0.1\nt2,a,1.5,x\n');
    const message = await catchInput(importRun(store, { format: 'long', paths: [file] }));
    expect(message).toContain(`${file} row 2 column \`score\`: \`high\` is not a number`);
    expect(message).toContain(`${file} row 3 column \`score\`: \`1.5\` is outside [0, 1]`);
    expect(message).toContain(`${file} row 3 column \`cost_usd\`: \`x\` is not a number`);
    expect(await query('SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM attempts) AS attempts, (SELECT count(*) FROM tasks) AS tasks')).toEqual([{ runs: 0n, attempts: 0n, tasks: 0n }]);
  });

  it('refuses an attempt stored twice, naming both rows', async () => {
    const file = dir.write('dup.csv', 'task_id,model,score\nt1,a,1\nt2,a,0\nt1,a,0\n');
    expect(await catchInput(importRun(store, { format: 'long', paths: [file] }))).toContain(`${file} row 3 column \`task_id\`: repeats the attempt (dup, t1, a, repeat 0) of ${file} row 1`);
    expect(await catchInput(importRun(store, { format: 'long', paths: [dir.write('missing.csv', 'id,model,score\n1,a,1\n')] }))).toContain('missing column(s) `task_id`');
  });

  it('reads a long Parquet file with mapped columns, tokens, latency and the data\'s own verdict', async () => {
    const file = dir.path('long.parquet');
    await store.connection.run(`COPY (SELECT * FROM (VALUES ('q1', 'm1', 0.4, true, 12, 30, 250.5, 'qa'), ('q1', 'm2', 0.9, false, 10, 20, 100.0, 'qa')) AS t(id, who, s, ok, tin, tout, ms, kind)) TO '${file}' (FORMAT parquet)`);
    await importRun(store, { format: 'long', paths: [file], categoryFrom: 'kind', name: 'quiz', long: { task: 'id', model: 'who', score: 's', passed: 'ok', inputTokens: 'tin', outputTokens: 'tout', latency: 'ms' } });
    expect(await query('SELECT suite_id, model_id, score, passed, input_tokens, output_tokens, latency_ms FROM attempts ORDER BY model_id')).toEqual([
      { suite_id: 'quiz', model_id: 'm1', score: 0.4, passed: true, input_tokens: 12n, output_tokens: 30n, latency_ms: 250.5 },
      { suite_id: 'quiz', model_id: 'm2', score: 0.9, passed: false, input_tokens: 10n, output_tokens: 20n, latency_ms: 100 },
    ]);
    expect(await query('SELECT category FROM tasks')).toEqual([{ category: 'qa' }]);
  });

  it('reads collector JSON: repeated files of one (dataset, model) become repeats; excluded prompts are left out', async () => {
    const record = (index: number, score: number) => ({ index: String(index), prompt: `p${index}`, prediction: 'x', ground_truth: 'y', score: String(score), cost: '0.5', prompt_tokens: '3', completion_tokens: '4', thinking_tokens: '1', raw_output: 'x' });
    const doc = (records: object[]) => JSON.stringify({ model_name: 'm', dataset_name: 'aime', records });
    const first = dir.write('col/run0.json', doc([record(1, 1), record(2, 0)]));
    const second = dir.write('col/run1.json', doc([record(1, 0), record(2, 1)]));
    const exclude = dir.write('exclude.jsonl', '{"eval_prompt": "p2"}\n');
    const outcome = await importRun(store, { format: 'collector', paths: [dir.path('col')], excludePrompts: exclude });
    expect(outcome).toMatchObject({ attempts: 2, tasks: 1, excluded: 2 });
    expect(await query('SELECT task_id, repeat_index, score, cost_usd, reasoning_tokens FROM attempts ORDER BY repeat_index')).toEqual([
      { task_id: '1', repeat_index: 0, score: 1, cost_usd: 0.5, reasoning_tokens: 1n },
      { task_id: '1', repeat_index: 1, score: 0, cost_usd: 0.5, reasoning_tokens: 1n },
    ]);
    expect(await query('SELECT category, prompt, expected::VARCHAR AS expected, repeats FROM tasks')).toEqual([{ category: 'aime', prompt: 'p1', expected: '"y"', repeats: 2 }]);
    expect([first, second]).toHaveLength(2);
  });

  it('reads RouteLLM CSVs: suite and category from the file name, rows numbered, True/False as scores', async () => {
    const file = dir.write('mmlu_anatomy.csv', 'prompt,strong,weak\nQ1,True,False\nQ2,False,False\n');
    await importRun(store, { format: 'routellm', paths: [file] });
    expect(await query('SELECT suite_id, task_id, model_id, score FROM attempts ORDER BY ALL')).toEqual([
      { suite_id: 'mmlu', task_id: 'anatomy-00000', model_id: 'strong', score: 1 },
      { suite_id: 'mmlu', task_id: 'anatomy-00000', model_id: 'weak', score: 0 },
      { suite_id: 'mmlu', task_id: 'anatomy-00001', model_id: 'strong', score: 0 },
      { suite_id: 'mmlu', task_id: 'anatomy-00001', model_id: 'weak', score: 0 },
    ]);
  });

  it('round-trips baton\'s own export, Parquet and CSV, to the same attempts and tasks', async () => {
    const file = dir.write('rt.csv', 'task_id,model,score,cost_usd,prompt,category\nt1,a,1,0.25,"multi\nline, quoted",x\nt1,b,0,,hello,x\nt2,a,0.5,0.1,hi,y\n');
    const { runId } = await importRun(store, { format: 'long', paths: [file] });
    for (const format of ['parquet', 'csv'] as const) {
      const exported = dir.path(`rt-export.${format}`);
      expect(await exportResults(store, runId, format, exported)).toBe(3);
      const copy = await importRun(store, { format: 'baton', paths: [exported] });
      const attempts = (id: string) => query(`SELECT suite_id, task_id, model_id, repeat_index, status, output, score, passed, cost_usd, input_tokens FROM attempts WHERE run_id = '${id}' ORDER BY ALL`);
      const tasks = (id: string) => query(`SELECT suite_id, task_id, category, prompt, prompt_hash, tags, expected::VARCHAR AS e, repeats FROM tasks WHERE run_id = '${id}' ORDER BY ALL`);
      expect(await attempts(copy.runId)).toEqual(await attempts(runId));
      expect(await tasks(copy.runId)).toEqual(await tasks(runId));
      const [run] = await query(`SELECT source, parent_run_id FROM runs WHERE run_id = '${copy.runId}'`);
      expect(run).toEqual({ source: 'import', parent_run_id: runId });
    }
    expect(await catchInput(importRun(store, { format: 'baton', paths: [file] }))).toContain('not a baton export');
  });
});
