import type { Task } from '../core/suite.ts';
import { judgeQuestion, parseJudgePrompt } from '../scorers/judge/judge-prompt.ts';
import { simJudgeKnowledge } from './sim-judge-knowledge.ts';
import { promptKey, simKnowledgeWithLabels, type SimOracle } from './sim-oracle.ts';
import type { SimTaskFacts } from './survey-sim-tasks.ts';

/** The answer key of a run's in-process simulated models: the tasks being attempted right now. */
export interface InFlightOracle extends SimOracle {
  /** What depends on the other tasks; until told, no prompt is shared and no category has labels. */
  learn(facts: SimTaskFacts): void;
  /** A task is about to be attempted (by any model): its prompts are recognised until released with the key returned. */
  register(task: Task): string;
  release(key: string): void;
}

interface Entry {
  readonly task: Task;
  attempts: number;
}

/**
 * Answers as `createSimOracle` over every task of the run would (same knowledge, so the same
 * simulated answers), while holding only the tasks in flight, at most twice each model's
 * concurrency: in process, a model is only ever asked a task's prompt while that task is being
 * attempted, and a judge is only asked about it while the attempt is being scored. What depends
 * on other tasks (labels, shared prompts) is learnt from a survey of every task before the first call.
 */
export function createInFlightOracle(): InFlightOracle {
  let facts: SimTaskFacts = { labels: () => [], shared: new Map() };
  const byPrompt = new Map<string, Entry>();
  // Judges find a task by the question they are shown; kept only once a judge has asked.
  let byQuestion: Map<string, Entry> | undefined;
  const add = (map: Map<string, Entry>, key: string, task: Task) => {
    const entry = map.get(key);
    if (entry === undefined) map.set(key, { task, attempts: 1 });
    else entry.attempts += 1;
  };
  const remove = (map: Map<string, Entry>, key: string) => {
    const entry = map.get(key);
    if (entry !== undefined && --entry.attempts === 0) map.delete(key);
  };
  const knowledgeOf = (key: string, task: Task) =>
    facts.shared.get(key) ?? simKnowledgeWithLabels(task, (suiteId, category) => facts.labels(suiteId, category));
  return {
    learn(learned) {
      facts = learned;
    },
    register(task) {
      const key = promptKey(task.system, task.prompt);
      add(byPrompt, key, task);
      if (byQuestion !== undefined) add(byQuestion, judgeQuestion(task.system, task.prompt), task);
      return key;
    },
    release(key) {
      const entry = byPrompt.get(key);
      if (entry === undefined) return;
      if (byQuestion !== undefined) remove(byQuestion, judgeQuestion(entry.task.system, entry.task.prompt));
      remove(byPrompt, key);
    },
    lookup(system, prompt) {
      const key = promptKey(system, prompt);
      const known = byPrompt.get(key);
      if (known !== undefined) return knowledgeOf(key, known.task);
      const judged = parseJudgePrompt(prompt);
      if (judged === undefined) return undefined;
      if (byQuestion === undefined) {
        byQuestion = new Map();
        for (const entry of byPrompt.values()) for (let count = 0; count < entry.attempts; count += 1) add(byQuestion, judgeQuestion(entry.task.system, entry.task.prompt), entry.task);
      }
      const task = byQuestion.get(judged.question)?.task;
      const knowledge = task === undefined ? undefined : knowledgeOf(promptKey(task.system, task.prompt), task);
      return simJudgeKnowledge(judged, knowledge === undefined ? undefined : { suiteId: knowledge.suiteId, taskId: knowledge.taskId, expected: knowledge.expected });
    },
  };
}
