import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { ConfigSchema } from '../core/models-schema.ts';
import { executeRun } from '../run/execute-run.ts';
import { openStore } from '../store/open-store.ts';
import { readRun } from '../store/read-run.ts';
import { summarizeJudgeAgreement, summarizeJudgeCosts } from '../store/summarize-judgments.ts';
import { loadSuite } from '../suites/load-suite.ts';
import { rescoreRun } from './rescore-run.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

const config: LoadedConfig = {
  file: 'test-config.yaml',
  hash: 'test',
  config: ConfigSchema.parse({
    seed: 7,
    retry: { max_retries: 3, base_delay_ms: 0, max_delay_ms: 0 },
    models: [
      { id: 'cand', provider: 'sim', model: 'cand', price: { input: 1, output: 2 }, sim: { skill: { default: 0.6 } } },
      { id: 'judge-a', provider: 'sim', model: 'judge-a', price: { input: 10, output: 20 }, sim: { skill: { default: 0.5, judge: 0.95 } } },
      { id: 'judge-b', provider: 'sim', model: 'judge-b', price: { input: 5, output: 5 }, sim: { skill: { default: 0.5, judge: 0.8 } } },
    ],
  }),
};

function writeSuite(rubric: string, check: string): string {
  const tasks = Array.from({ length: 12 }, (_, index) => `  - { id: t${index}, vars: { n: ${index} }, expected: "${index * 7}" }`).join('\n');
  return dir.write(
    'suite.yaml',
    `suite: sevens\nversion: 1\nprompt: "What is {{n}} times 7?"\ncheck: ${check}\ndefaults:\n  category: arithmetic\n  repeats: 3\n  scorer:\n    type: weighted\n    scorers:\n      - { weight: 1, scorer: { type: numeric } }\n      - { weight: 1, scorer: { type: judge, judges: [judge-a, judge-b], rubric: "${rubric}" } }\ntasks:\n${tasks}\n`,
  );
}

describe('scoring in a run, then rescoring it', () => {
  it('books judge calls apart, records the check, and rescores without calling a model', async () => {
    const file = writeSuite('The number must be right.', '{ type: regex, pattern: "^\\\\d+$" }');
    const dbPath = dir.path('db', 'baton.duckdb');
    const run = await executeRun({ suitePaths: [file], suites: [loadSuite(file)], config, dbPath, simTimeScale: 0 });
    // Every model is a candidate; 12 tasks × 3 repeats each.
    expect(run.executed.ok).toBe(3 * 36);

    const store = await openStore(dbPath);
    const attempts = (await store.connection.runAndReadAll(`SELECT model_id, output, passed, check_passed, cost_usd, input_tokens, output_tokens FROM attempts WHERE run_id = $id AND model_id = 'cand'`, { id: run.runId })).getRowObjectsJS();
    expect(attempts.every((row) => row.check_passed === /^\d+$/.test(typeof row.output === 'string' ? row.output : ''))).toBe(true);
    // The candidate's cost is its own tokens at its own price: judge tokens never leak in.
    for (const row of attempts) expect(row.cost_usd).toBeCloseTo((Number(row.input_tokens) * 1 + Number(row.output_tokens) * 2) / 1e6, 12);
    const costs = await summarizeJudgeCosts(store, run.runId);
    expect(costs.map((row) => [row.judge_model_id, row.calls])).toEqual([['judge-a', 108], ['judge-b', 108]]);
    expect(costs[0]?.cost_usd).toBeGreaterThan(0);
    const [agreement] = await summarizeJudgeAgreement(store, run.runId);
    expect(agreement).toMatchObject({ judge_a: 'judge-a', judge_b: 'judge-b', items: 108 });
    expect(agreement?.exact_agreement).toBeGreaterThan(0.5);

    // Same suite file, new check and a new rubric: the numeric part rescoring needs no model, the
    // judge part has no stored verdict for the new rubric and becomes a scorer error.
    writeSuite('The number must be right.', '{ type: length, max: 1 }');
    const rescored = await rescoreRun({ store, runId: run.runId, suites: [loadSuite(file)], suitePaths: [file], pageSize: 10 });
    expect(rescored).toMatchObject({ parentRunId: run.runId, rescored: 108, copied: 0, skipped: 0, scorerErrors: 0, changed: 0 });
    const child = await readRun(store, rescored.runId);
    expect(child).toMatchObject({ source: 'rescore', parentRunId: run.runId, status: 'completed' });
    const compare = await store.connection.runAndReadAll(
      `SELECT count(*) AS n, count(*) FILTER (WHERE o.cost_usd = r.cost_usd AND o.latency_ms = r.latency_ms AND o.output_tokens = r.output_tokens AND o.score = r.score) AS same,
              count(*) FILTER (WHERE r.check_passed = (length(trim(r.output)) <= 1)) AS checked
         FROM attempts o JOIN attempts r USING (suite_id, task_id, model_id, repeat_index) WHERE o.run_id = $old AND r.run_id = $new`,
      { old: run.runId, new: rescored.runId },
    );
    expect(compare.getRowObjectsJS()[0]).toMatchObject({ n: 108n, same: 108n, checked: 108n });
    expect((await summarizeJudgeCosts(store, rescored.runId)).map((row) => row.calls)).toEqual([108, 108]);

    writeSuite('A new rubric.', '{ type: numeric }');
    const newRubric = await rescoreRun({ store, runId: run.runId, suites: [loadSuite(file)], suitePaths: [file] });
    expect(newRubric).toMatchObject({ rescored: 108, scorerErrors: 108 });
    const errors = (await store.connection.runAndReadAll(`SELECT DISTINCT status, error_code, score FROM attempts WHERE run_id = $id`, { id: newRubric.runId })).getRowObjectsJS();
    expect(errors).toEqual([{ status: 'error', error_code: 'scorer_error', score: null }]);
    store.close();
  });
});
