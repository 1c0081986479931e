import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { hasSharedData, sharedData } from '../helpers/shared-data.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

// Real outcome data from ../shared/data (see its README for the figures checked here).
const present = hasSharedData();
if (!present) process.stderr.write(`skipping the shared-data import tests: ${sharedData} not found\n`);
const routellm = resolve(sharedData, 'routellm/routellm/evals');
const pricing = resolve(sharedData, 'pricing-reversal');
const dir = createTempDir();
afterAll(() => dir.remove());
const runs: Record<string, string> = {};

const importJson = async (args: string[]) => {
  const result = await runCli(['import', ...args, '--out', dir.root, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { runId: string; attempts: number; tasks: number; models: number; excluded: number };
};
const query = async (sql: string) => {
  const store = await openStore(resolve(dir.root, 'baton.duckdb'));
  try {
    return (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    store.close();
  }
};
const accuracy = async (runId: string) =>
  Object.fromEntries((await query(`SELECT model_id, avg(passed::INT) AS rate FROM attempts WHERE run_id = '${runId}' GROUP BY model_id`)).map((row) => [row.model_id as string, Number(row.rate)]));

describe.skipIf(!present)('baton import on ../shared/data', () => {
  beforeAll(async () => {
    // One database, so imports run one after another.
    const mmlu = await importJson(['routellm', resolve(routellm, 'mmlu/responses'), '--exclude-prompts', resolve(routellm, 'mmlu/contaminated_prompts.jsonl')]);
    const gsm8k = await importJson(['routellm', resolve(routellm, 'gsm8k/gsm8k_responses.csv'), '--exclude-prompts', resolve(routellm, 'gsm8k/contaminated_prompts.jsonl')]);
    const raw = await importJson(['collector', resolve(pricing, 'raw')]);
    const long = await importJson(['long', resolve(pricing, 'pricing_reversal_long.csv'), '--task-column', 'index', '--suite-column', 'dataset', '--category-from', 'dataset', '--input-tokens-column', 'prompt_tokens', '--output-tokens-column', 'completion_tokens', '--reasoning-tokens-column', 'thinking_tokens']);
    Object.assign(runs, { mmlu: mmlu.runId, gsm8k: gsm8k.runId, raw: raw.runId, long: long.runId });
    expect([mmlu, gsm8k, raw, long].map(({ attempts, tasks, models, excluded }) => ({ attempts, tasks, models, excluded }))).toEqual([
      // README: MMLU after removing contaminated prompts, n = 14,037.
      { attempts: 2 * 14_037, tasks: 14_037, models: 2, excluded: 2 * 5 },
      { attempts: 2 * 1_307, tasks: 1_307, models: 2, excluded: 2 * 12 },
      // aime 60 + gpqa 198 + livemathbench 121 prompts × 8 models, less one record gpt-5.2-high lacks;
      // its file numbers one record 0 where the others have 112 and 121, hence 380 task ids.
      { attempts: 3_031, tasks: 380, models: 8 },
      { attempts: 29_371, tasks: 5_107, models: 8, excluded: 0 },
    ].map((row) => ({ excluded: 0, ...row })));
  }, 120_000);

  it('reproduces the README figures: RouteLLM MMLU accuracy, pricing-reversal aime accuracy and cost', async () => {
    const mmlu = await accuracy(runs.mmlu ?? '');
    expect(mmlu['gpt-4-1106-preview']).toBeCloseTo(0.806, 3);
    expect(mmlu['mistralai/Mixtral-8x7B-Instruct-v0.1']).toBeCloseTo(0.681, 3);
    const [categories] = await query(`SELECT count(DISTINCT category) AS n FROM tasks WHERE run_id = '${runs.mmlu ?? ''}'`);
    expect(categories?.n).toBe(57n);
    const aime = Object.fromEntries(
      (await query(`SELECT model_id, avg(passed::INT) AS rate, sum(cost_usd) AS usd FROM attempts WHERE run_id = '${runs.raw ?? ''}' AND suite_id = 'aime' GROUP BY model_id`)).map((row) => [row.model_id as string, [Number(row.rate), Number(row.usd)]]),
    );
    expect(aime['claude-opus-4.6-thinking']?.[0]).toBe(1);
    expect(aime['claude-opus-4.6-thinking']?.[1]).toBeCloseTo(9.45, 2);
    expect(aime['gpt-5.2-high']?.[0]).toBe(1);
    expect(aime['gpt-5.2-high']?.[1]).toBeCloseTo(6.19, 2);
    expect(aime['gpt-5-mini']?.[0]).toBeCloseTo(0.85, 6);
    expect(aime['gpt-5-mini']?.[1]).toBeCloseTo(0.61, 2);
    // The long CSV and the raw JSON are two views of the same outcomes.
    const [same] = await query(`SELECT count(*) AS n, count(*) FILTER (WHERE a.score <> b.score OR abs(a.cost_usd - b.cost_usd) > 1e-9) AS different
      FROM attempts a JOIN attempts b USING (suite_id, task_id, model_id, repeat_index) WHERE a.run_id = '${runs.raw ?? ''}' AND b.run_id = '${runs.long ?? ''}'`);
    expect(same).toEqual({ n: 3_031n, different: 0n });
    const [run] = await query(`SELECT source, simulated, status FROM runs WHERE run_id = '${runs.raw ?? ''}'`);
    expect(run).toEqual({ source: 'import', simulated: false, status: 'completed' });
  });

  it('reports and compares imported runs like native ones', async () => {
    const report = await runCli(['report', '--results', dir.root, '--run', runs.mmlu ?? '', '--format', 'md', '--stdout']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('gpt-4-1106-preview');
    expect(report.stdout).toMatch(/80\.6/);
    const compare = await runCli(['compare', runs.long ?? '', runs.raw ?? '', '--results', dir.root, '--format', 'json']);
    expect(compare.stderr).toBe('');
    expect(compare.code).toBe(0);
    const comparison = JSON.parse(compare.stdout) as { regressions: number; improvements: number; rows: { pairs: number }[] };
    expect(comparison).toMatchObject({ regressions: 0, improvements: 0 });
    expect(Math.max(...comparison.rows.map((row) => row.pairs))).toBeGreaterThan(300);
  });

  it('fits and evaluates a min-cost policy on pricing-reversal with the dataset as category', async () => {
    const out = dir.path('policy', 'evaluation.json');
    const result = await runCli(['evaluate-policy', '--db', resolve(dir.root, 'baton.duckdb'), '--run', runs.raw ?? '', '--objective', 'min-cost', '--out', out, '--no-timestamp', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const evaluation = JSON.parse(readFileSync(out, 'utf8')) as { tasks: number; policy: { quality: number; cost_per_task_usd: number }; best_single: { model: string; quality: number; cost_per_task_usd: number }; oracle: { quality: number; cost_per_task_usd: number } };
    expect(evaluation.tasks).toBe(380);
    expect(evaluation.best_single.model).toBe('gemini-3.1-pro-preview');
    // Held out, min-cost stays within the margin of the best single model and never beats the oracle.
    expect(evaluation.policy.quality).toBeGreaterThan(evaluation.best_single.quality - 0.05);
    expect(evaluation.oracle.quality).toBeGreaterThan(evaluation.policy.quality);
    expect(evaluation.oracle.cost_per_task_usd).toBeLessThan(evaluation.policy.cost_per_task_usd);
    process.stderr.write(`pricing-reversal min-cost, 5-fold held out: policy ${pct(evaluation.policy.quality)} at $${evaluation.policy.cost_per_task_usd.toFixed(4)}/task; best single ${evaluation.best_single.model} ${pct(evaluation.best_single.quality)} at $${evaluation.best_single.cost_per_task_usd.toFixed(4)}; oracle ${pct(evaluation.oracle.quality)} at $${evaluation.oracle.cost_per_task_usd.toFixed(4)}\n`);
    const fit = await runCli(['fit', '--db', resolve(dir.root, 'baton.duckdb'), '--run', runs.raw ?? '', '--objective', 'min-cost', '--out', dir.path('policy', 'policy.json'), '--no-timestamp', '--quiet']);
    expect(fit.code).toBe(0);
    const policy = JSON.parse(readFileSync(dir.path('policy', 'policy.json'), 'utf8')) as { routes: { match: { category?: string } }[] };
    expect(new Set(policy.routes.map((route) => route.match.category))).toEqual(new Set(['aime', 'gpqa', 'livemathbench']));
  });
});

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
