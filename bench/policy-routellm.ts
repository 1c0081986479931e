// Evidence on real data: the policy learner on RouteLLM's GPT-4 vs Mixtral outcomes (MMLU with its
// 57 domains as categories, GSM8K as one), 5-fold cross-validated; cost = share of GPT-4 calls.
// Run: npx tsx bench/policy-routellm.ts [--bands 1,3] [--score-bands 10] [--score-l2 10] [--folds 5] [--seeds 5]
import { parseArgs } from 'node:util';
import { openStore } from '../harness/store/open-store.ts';
import { evaluatePolicy } from '../policies/evaluate/evaluate-policy.ts';
import { defaultLearnerOptions } from '../policies/fit/learner-options.ts';
import { readPolicyMatrix } from '../policies/matrix/read-policy-matrix.ts';
import { selectPolicyRuns } from '../policies/matrix/select-policy-runs.ts';
import { hasRouteLlmData, readRouteLlm, routeLlmModels } from '../test/helpers/load-routellm.ts';
import { writeMatrixStore } from '../test/helpers/write-matrix-store.ts';

const { values } = parseArgs({ options: { bands: { type: 'string', default: '1,3' }, 'score-bands': { type: 'string', default: '10' }, 'score-l2': { type: 'string', default: '10' }, folds: { type: 'string', default: '5' }, seeds: { type: 'string', default: '5' }, shrinkage: { type: 'string', default: 'auto' } } });
if (!hasRouteLlmData()) {
  console.error('RouteLLM data not found under ../shared/data/routellm');
  process.exit(2);
}
const pct = (value: number) => `${(value * 100).toFixed(2)}%`;
const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
for (const benchmark of ['mmlu', 'gsm8k'] as const) {
  const data = readRouteLlm(benchmark);
  const store = await openStore(':memory:');
  await writeMatrixStore(store, { models: routeLlmModels, ...data });
  const runs = await selectPolicyRuns(store);
  const matrix = await readPolicyMatrix(store, runs);
  store.close();
  const configs = [...values.bands.split(',').map((bands) => ({ bands: Number(bands), scoreBands: 1 })), ...values['score-bands'].split(',').map((scoreBands) => ({ bands: 1, scoreBands: Number(scoreBands) })).filter((config) => config.scoreBands > 1)];
  for (const { bands, scoreBands } of configs) {
    const started = performance.now();
    const figures = Array.from({ length: Number(values.seeds) }, (_, i) => {
      const options = { ...defaultLearnerOptions, objective: { type: 'utility' as const, lambda: 0, mu: 0 }, promptBands: bands, scoreBands, scoreL2: Number(values['score-l2']), seed: i + 1, shrinkage: values.shrinkage === 'auto' ? ('auto' as const) : Number(values.shrinkage) };
      const pair = evaluatePolicy(matrix, options, Number(values.folds), { runs, batonVersion: 'bench' }, 'routellm').two_model;
      return { cpt50: pair?.cpt50 ?? Number.NaN, cpt80: pair?.cpt80 ?? Number.NaN, apgr: pair?.apgr ?? Number.NaN };
    });
    const seconds = ((performance.now() - started) / 1000 / figures.length).toFixed(1);
    const line = (key: 'cpt50' | 'cpt80' | 'apgr') => `${pct(mean(figures.map((figure) => figure[key])))} (seed 1: ${pct(figures[0]?.[key] ?? Number.NaN)})`;
    console.log(`${benchmark} n=${matrix.tasks.length} (removed ${data.removed}), prompt bands ${bands}, score bands ${scoreBands}: CPT(50%) ${line('cpt50')}, CPT(80%) ${line('cpt80')}, APGR ${line('apgr')}; mean of ${figures.length} fold seeds, ${seconds} s each`);
  }
}
