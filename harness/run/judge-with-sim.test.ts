import { describe, expect, it } from 'vitest';
import { ModelConfigSchema, type ModelConfig } from '../core/models-schema.ts';
import { ScorerSpecSchema } from '../core/scorer-spec.ts';
import type { Task } from '../core/suite.ts';
import { createConnectionLane } from '../scheduler/connection-lane.ts';
import { createScorer } from '../scorers/create-scorer.ts';
import { createSimProvider } from '../sim/create-sim-provider.ts';
import { createSimOracle } from '../sim/sim-oracle.ts';
import { createJudgeClient } from './create-judge-client.ts';

const tasks: Task[] = Array.from({ length: 80 }, (_, index) => ({
  suiteId: 'qa',
  id: `q${index}`,
  category: 'facts',
  tags: [],
  vars: {},
  expected: index % 2 === 0 ? `label-${index % 7}` : index * 3,
  scorer: { type: 'exact', normalize: ['trim'] },
  system: 'Answer briefly.',
  prompt: `Question number ${index}?`,
  source: { file: 'qa.yaml', line: index },
}));

function simModel(id: string, judgeSkill: number, faults: object = {}): ModelConfig {
  return ModelConfigSchema.parse({ id, provider: 'sim', model: id, price: { input: 1, output: 4 }, sim: { skill: { default: 0.5, judge: judgeSkill }, faults } });
}

function panel(models: ModelConfig[]) {
  const oracle = createSimOracle(tasks);
  const providers = models.map((model) => createSimProvider({ ...model, sim: model.sim ?? { skill: { default: 0 } } } as never, { oracle, timeScale: 0 }));
  const lanes = new Map(providers.map((provider, index) => [provider.connectionKey, createConnectionLane(provider.connectionKey, models[index]?.limits ?? { concurrency: 1 })]));
  const client = createJudgeClient({
    models,
    providers,
    laneFor: (_model, provider) => lanes.get(provider.connectionKey) ?? createConnectionLane('x', { concurrency: 1 }),
    retry: { max_retries: 6, base_delay_ms: 0, max_delay_ms: 0 },
    runSeed: 1,
    signal: new AbortController().signal,
  });
  return { client, lanes };
}

/** Half of the answers right, half wrong: how often the judge's pass/fail matches the truth. */
async function judgeAccuracy(judges: string[], models: ModelConfig[]) {
  const { client } = panel(models);
  const scorer = createScorer(ScorerSpecSchema.parse({ type: 'judge', judges, rubric: 'The answer must match the reference.' }), { baseDir: '.', judge: client });
  const cases = tasks.flatMap((task) => [
    { task, answer: String(task.expected), right: true },
    { task, answer: typeof task.expected === 'number' ? `Answer: ${task.expected + 1}` : 'something else', right: false },
  ]);
  const scores = await Promise.all(cases.map(async ({ task, answer }) => scorer(task, answer)));
  const accuracy = scores.filter((score, index) => score.passed === cases[index]?.right).length / cases.length;
  return { accuracy, scores };
}

describe('judge scorer against the simulated fleet', () => {
  it('gives verdicts that are right at about the judge model\'s skill', async () => {
    const models = [simModel('sharp', 0.95), simModel('sloppy', 0.4)];
    // 160 verdicts each (sampling sd under 0.04). A wrong verdict is another score, which may still
    // land on the right side of the pass mark: the sloppy judge is right about 0.4 + 0.6 × 3/8 of the time.
    expect((await judgeAccuracy(['sharp'], models)).accuracy).toBeGreaterThan(0.87);
    expect((await judgeAccuracy(['sloppy'], models)).accuracy).toBeLessThan(0.75);
  });

  it('is deterministic and books every judge call with its own tokens and cost', async () => {
    const models = [simModel('sharp', 0.95)];
    const first = await judgeAccuracy(['sharp'], models);
    const again = await judgeAccuracy(['sharp'], models);
    expect(again.scores.map((score) => score.value)).toEqual(first.scores.map((score) => score.value));
    const call = first.scores[0]?.judgments?.[0];
    expect(call).toMatchObject({ judgeModelId: 'sharp', status: 'ok' });
    expect(call?.inputTokens).toBeGreaterThan(20);
    expect(call?.costUsd).toBeCloseTo(((call?.inputTokens ?? 0) * 1 + (call?.outputTokens ?? 0) * 4) / 1e6, 12);
  });

  it('reports panel agreement and survives judge faults through retries', async () => {
    const models = [simModel('sharp', 0.95, { server_error: 0.3 }), simModel('sloppy', 0.55)];
    const { accuracy, scores } = await judgeAccuracy(['sharp', 'sloppy'], models);
    expect(accuracy).toBeGreaterThan(0.6);
    expect(scores.every((score) => score.error === undefined)).toBe(true);
    expect(scores.some((score) => (score.judgments ?? []).some((call) => call.retries > 0))).toBe(true);
    expect(scores.some((score) => score.explanation.includes('agreement 0%'))).toBe(true);
  });

  it('goes through the judge model\'s connection lane', async () => {
    const models = [simModel('sharp', 0.95)];
    const { client, lanes } = panel(models);
    const lane = lanes.get('sim:sharp');
    const pending = client.call({ judgeModelId: 'sharp', system: 's', prompt: 'p', maxTokens: 16, seed: 1, promptHash: 'h' });
    expect((lane?.waiting ?? 0) + (lane?.inFlight ?? 0)).toBe(1);
    await pending;
    expect(await client.call({ judgeModelId: 'nobody', system: 's', prompt: 'p', maxTokens: 16, seed: 1, promptHash: 'h' })).toMatchObject({ ok: false, errorCode: 'not_found' });
  });
});
