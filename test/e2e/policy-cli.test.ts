import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PolicyEvaluationSchema } from '../../harness/core/policy-evaluation-schema.ts';
import { PolicyFrontierSchema } from '../../harness/core/policy-frontier-schema.ts';
import { PolicySchema } from '../../harness/core/policy-schema.ts';
import { executeRun } from '../../harness/run/execute-run.ts';
import { compileJsonSchema } from '../../harness/scorers/json/compile-json-schema.ts';
import { loadPolicy } from '../../policies/router/load-policy.ts';
import { writeCategorySuite, writeFastFleet } from '../helpers/fleet-run.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';

const dir = createTempDir();
let db: string;
const read = (file: string) => readFileSync(file, 'utf8');

beforeAll(async () => {
  const config = writeFastFleet(dir);
  const suite = writeCategorySuite(dir, ['arithmetic', 'sentiment', 'extract-ids'], 60);
  db = dir.path('results', 'baton.duckdb');
  await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath: db, simTimeScale: 0 });
});
afterAll(() => dir.remove());

describe('baton fit, evaluate-policy and export', () => {
  it('writes a valid policy, byte-identical for the same rows and parameters, and its frontier', async () => {
    const common = ['fit', '--db', db, '--objective', 'min-cost', '--require', 'tag:pii => locality:local', '--sweep'];
    const [first, second, stamped] = await Promise.all([
      runCli([...common, '--out', dir.path('a', 'policy.json'), '--no-timestamp']),
      runCli([...common, '--out', dir.path('b', 'policy.json'), '--no-timestamp', '--quiet']),
      runCli([...common, '--out', dir.path('c', 'policy.json'), '--timestamp', '2026-05-01T12:00:00.000Z', '--quiet']),
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('SIMULATED');
    expect(first.stdout).toMatch(/category:sentiment\+tag:pii\s+│ sim-local/);
    expect([second.code, stamped.code]).toEqual([0, 0]);
    const text = read(dir.path('a', 'policy.json'));
    expect(read(dir.path('b', 'policy.json'))).toBe(text);
    expect(read(dir.path('b', 'policy.frontier.json'))).toBe(read(dir.path('a', 'policy.frontier.json')));
    const policy = PolicySchema.parse(JSON.parse(text));
    const withTime = PolicySchema.parse(JSON.parse(read(dir.path('c', 'policy.json'))));
    expect(withTime.provenance.created_at).toBe('2026-05-01T12:00:00.000Z');
    expect(policy.provenance.created_at).toBeUndefined();
    expect({ ...withTime, provenance: { ...withTime.provenance, created_at: undefined } }).toEqual({ ...policy, provenance: { ...policy.provenance, created_at: undefined } });
    // The published JSON Schema accepts what the CLI writes.
    const validate = compileJsonSchema(JSON.parse(read(new URL('../../policies/policy.schema.json', import.meta.url).pathname)) as Record<string, unknown>);
    expect(validate(JSON.parse(text))).toBeUndefined();
    expect(validate({ ...policy, routes: [{ model: 'x' }] })).toBeDefined();
    expect(policy).toMatchObject({ schema: 'baton.policy/v1', objective: { type: 'min-cost', delta: 0.05, alpha: 0.05, min_n: 30 }, provenance: { simulated: true } });
    expect(policy.provenance.learner).toMatchObject({ objective: 'min-cost', require: 'tag:pii => locality:local', seed: 1 });
    expect(policy.models.map((model) => model.id)).toHaveLength(6);
    expect(loadPolicy(dir.path('a', 'policy.json')).route({ category: 'arithmetic', tags: ['pii'] }).model).toBe('sim-local');
    const frontier = PolicyFrontierSchema.parse(JSON.parse(read(dir.path('a', 'policy.frontier.json'))));
    expect(frontier.points.length).toBeGreaterThan(2);
    expect(frontier.points.every((point, i) => i === 0 || point.cost_per_task_usd >= (frontier.points[i - 1]?.cost_per_task_usd ?? 0))).toBe(true);
    const chart = JSON.parse(read(dir.path('a', 'policy.frontier.vl.json'))) as { $schema: string; layer: unknown[] };
    expect(chart.$schema).toContain('vega-lite');
    expect(chart.layer).toHaveLength(3);
  });

  it('cross-validates the learner behind a policy and compiles the policy for LiteLLM and as JSON', async () => {
    const out = dir.path('d', 'policy.json');
    expect((await runCli(['fit', '--db', db, '--out', out, '--no-timestamp', '--require', 'tag:pii => locality:local', '--quiet'])).code).toBe(0);
    const [evaluation, litellm, json] = await Promise.all([
      runCli(['evaluate-policy', '--db', db, '--policy', out, '--folds', '4', '--no-timestamp']),
      runCli(['export', '--format', 'litellm', '--policy', out]),
      runCli(['export', '--format', 'json', '--policy', out, '--out', dir.path('d', 'routes.json')]),
    ]);
    expect(evaluation.stderr).toBe('');
    expect(evaluation.stdout).toMatch(/4-fold cross-validation over 180 tasks/);
    expect(evaluation.stdout).toContain('oracle gap closed');
    const stored = PolicyEvaluationSchema.parse(JSON.parse(read(dir.path('d', 'policy.evaluation.json'))));
    expect(stored).toMatchObject({ folds: 4, tasks: 180, provenance: { simulated: true } });
    expect(stored.oracle.quality).toBeGreaterThanOrEqual(stored.policy.quality);

    expect(litellm.code).toBe(0);
    const config = parse(litellm.stdout) as { model_list: { model_name: string; litellm_params: { model: string; tags?: string[]; api_key?: string } }[]; router_settings: { enable_tag_filtering: boolean; fallbacks: Record<string, string[]>[] } };
    expect(config.router_settings.enable_tag_filtering).toBe(true);
    const tagged = config.model_list.filter((entry) => entry.model_name === 'baton');
    expect(tagged.map((entry) => entry.litellm_params.tags?.[0])).toEqual(expect.arrayContaining(['category:arithmetic', 'category:arithmetic+tag:pii', 'default']));
    expect(tagged.find((entry) => entry.litellm_params.tags?.[0] === 'category:arithmetic+tag:pii')?.litellm_params.model).toBe('openai/local-8b');
    expect(config.model_list.map((entry) => entry.model_name)).toEqual(expect.arrayContaining(['sim-titan', 'baton/category:arithmetic']));
    expect(config.router_settings.fallbacks.length).toBeGreaterThan(0);
    expect(litellm.stdout).toContain('SIMULATED');
    expect(litellm.stdout).not.toMatch(/sk-[A-Za-z0-9]/);

    expect(json.code).toBe(0);
    const table = JSON.parse(read(dir.path('d', 'routes.json'))) as { format: string; routes: { key: string; model: string }[]; default: { model: string } };
    expect(table.format).toBe('baton.routes/v1');
    expect(table.routes[0]?.key).toMatch(/\+tag:pii$/);
  });

  it('routes on prompt scores with --score-bands: the scorer ships in the file, evaluate-policy reads it back, exports warn', async () => {
    const out = dir.path('s', 'policy.json');
    const fit = await runCli(['fit', '--db', db, '--out', out, '--no-timestamp', '--objective', 'min-cost', '--score-bands', '3', '--quiet']);
    expect(fit).toMatchObject({ code: 0, stderr: '' });
    const text = read(out);
    const validate = compileJsonSchema(JSON.parse(read(new URL('../../policies/policy.schema.json', import.meta.url).pathname)) as Record<string, unknown>);
    expect(validate(JSON.parse(text))).toBeUndefined();
    const policy = PolicySchema.parse(JSON.parse(text));
    expect(policy.prompt_scorer).toMatchObject({ type: 'linear-v1', tokenizer: 'words-v1', n: 180 });
    expect(policy.provenance.learner).toMatchObject({ score_bands: 3, score_l2: 10 });
    const bands = policy.routes.filter((route) => route.match.prompt_score !== undefined);
    expect(bands.length).toBeGreaterThanOrEqual(2);
    // The routes' shares are what the router does with the fitted prompts: score bands take every task.
    expect(bands.reduce((sum, route) => sum + route.share, 0)).toBeCloseTo(1, 5);
    const routed = loadPolicy(out).route({ category: 'arithmetic', prompt: 'What is 17 + 25?' });
    expect(routed.key).toMatch(/^score:/);
    const [evaluation, litellm] = await Promise.all([
      runCli(['evaluate-policy', '--db', db, '--policy', out, '--folds', '3', '--no-timestamp', '--out', dir.path('s', 'evaluation.json')]),
      runCli(['export', '--format', 'litellm', '--policy', out]),
    ]);
    expect(evaluation).toMatchObject({ code: 0, stderr: '' });
    expect(PolicyEvaluationSchema.parse(JSON.parse(read(dir.path('s', 'evaluation.json')))).provenance.learner).toMatchObject({ score_bands: 3 });
    expect(litellm.stdout).toContain('warning: prompt-score bands');
    const bad = await runCli(['fit', '--db', db, '--out', dir.path('s', 'bad.json'), '--score-bands', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected `--score-bands` to be an integer ≥ 1, got `0`');
  });

  it('refuses bad input with exit code 2 and names what is wrong', async () => {
    const [impossible, unknownRun, badFlag, noPolicy] = await Promise.all([
      runCli(['fit', '--db', db, '--out', dir.path('e', 'policy.json'), '--require', 'category:sentiment => region:mars']),
      runCli(['fit', '--db', db, '--out', dir.path('e', 'policy.json'), '--run', 'r-nope']),
      runCli(['evaluate-policy', '--db', db, '--folds', '1']),
      runCli(['export', '--format', 'litellm', '--policy', dir.path('e', 'missing.json')]),
    ]);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toMatch(/category `sentiment`: no eligible model \(.*breaks `category:sentiment => region:mars`\)/);
    expect(unknownRun).toMatchObject({ code: 2 });
    expect(unknownRun.stderr).toContain('no run `r-nope` in the database');
    expect(badFlag.stderr).toContain('Expected `--folds` to be an integer ≥ 2, got `1`');
    expect(noPolicy.code).toBe(2);
    expect(() => read(dir.path('e', 'policy.json'))).toThrow();
  });
});
