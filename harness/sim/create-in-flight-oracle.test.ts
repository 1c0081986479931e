import { describe, expect, it } from 'vitest';
import { SimSpecSchema } from '../core/sim-spec.ts';
import type { Task } from '../core/suite.ts';
import { buildJudgePrompt, judgeQuestion, judgeSystemPrompt } from '../scorers/judge/judge-prompt.ts';
import { createInFlightOracle } from './create-in-flight-oracle.ts';
import { planSimReply, type SimModel } from './plan-sim-reply.ts';
import { createSimOracle, type SimOracle } from './sim-oracle.ts';
import { createSimSurvey } from './survey-sim-tasks.ts';

function task(id: string, category: string, expected: unknown, prompt: string, system?: string): Task {
  return { suiteId: id.startsWith('x') ? 'other' : 's', id, category, tags: [], vars: {}, expected, scorer: { type: 'exact', normalize: ['trim'] }, system, prompt, source: { file: 'f', line: 1 } };
}

// Labels, numbers, a category whose first free-text answer comes after its numbers, prompts shared
// by several tasks (in one suite and across suites), system prompts, and answers of other shapes.
const tasks: Task[] = [
  ...Array.from({ length: 60 }, (_, index) => task(`l${index}`, 'labels', ['billing', 'bug', 'sales', 42][index % 4], `ticket ${index}`)),
  ...Array.from({ length: 60 }, (_, index) => task(`n${index}`, 'numbers', index * 3, `sum ${index}`, index % 2 === 0 ? 'Be brief.' : undefined)),
  ...Array.from({ length: 30 }, (_, index) => task(`m${index}`, 'mixed', index < 25 ? index : `word ${index}`, `mixed ${index}`)),
  task('d1', 'labels', 'billing', 'shared prompt'),
  task('d2', 'numbers', 7, 'shared prompt'),
  task('x1', 'labels', 'sales', 'shared prompt'),
  task('o1', 'shapes', { a: 1 }, 'object answer'),
  task('o2', 'shapes', null, 'null answer'),
  task('o3', 'shapes', undefined, 'no answer'),
];

const model: SimModel = { id: 'm', sim: SimSpecSchema.parse({ skill: { default: 0.4 }, verbosity: 1 }) };
const reply = (oracle: SimOracle, system: string | undefined, prompt: string, seed: number) => planSimReply(model, oracle, { system, messages: [{ role: 'user', content: prompt }], maxTokens: 512, seed });

function inFlight(order: readonly Task[]) {
  const survey = createSimSurvey();
  order.forEach((one) => survey.add(one));
  const oracle = createInFlightOracle();
  oracle.learn(survey.finish([tasks]));
  return oracle;
}

describe('in-flight oracle', () => {
  it('gives every task the reply the full answer key gives, holding only the tasks in flight', () => {
    const full = createSimOracle(tasks);
    // The survey sees tasks in whatever order the passes read them.
    const oracle = inFlight([...tasks].reverse());
    for (const one of tasks) {
      const key = oracle.register(one);
      for (let seed = 0; seed < 12; seed += 1) expect(reply(oracle, one.system, one.prompt, seed)).toEqual(reply(full, one.system, one.prompt, seed));
      oracle.release(key);
      if (one.prompt !== 'shared prompt') expect(oracle.lookup(one.system, one.prompt)).toBeUndefined();
    }
  });

  it('answers judges about a task in flight as the full answer key does', () => {
    const full = createSimOracle(tasks);
    const oracle = inFlight(tasks);
    for (const one of tasks.filter((other, index) => index % 7 === 0 || other.prompt === 'shared prompt')) {
      const key = oracle.register(one);
      oracle.register(one);
      for (const reference of [undefined, 'billing']) {
        const prompt = buildJudgePrompt({ rubric: 'Right?', question: judgeQuestion(one.system, one.prompt), reference, answer: 'billing', scale: { min: 1, max: 5 } });
        expect(reply(oracle, judgeSystemPrompt, prompt, 3)).toEqual(reply(full, judgeSystemPrompt, prompt, 3));
      }
      oracle.release(key);
      // Still in flight once (two attempts of it were): still known.
      expect(oracle.lookup(one.system, one.prompt)).toBeDefined();
      oracle.release(key);
    }
  });

  it('keeps labels only where wrong answers are drawn from them', () => {
    const survey = createSimSurvey();
    tasks.forEach((one) => survey.add(one));
    const facts = survey.finish([tasks]);
    expect(facts.labels('s', 'labels')).toEqual(['42', 'billing', 'bug', 'sales']);
    expect(facts.labels('s', 'numbers')).toEqual([]);
    // Its first free-text answer came after 25 numbers: a second reading collected them all.
    expect(facts.labels('s', 'mixed')).toHaveLength(30);
    expect([...facts.shared.keys()]).toEqual(['shared prompt']);
    expect(facts.shared.get('shared prompt')).toMatchObject({ suiteId: 'other', taskId: 'x1' });
  });
});
