import type { Task } from '../core/suite.ts';
import { judgeQuestion, parseJudgePrompt } from '../scorers/judge/judge-prompt.ts';
import { answersFromLabels } from './sim-answer.ts';
import { simJudgeKnowledge, type JudgedTask } from './sim-judge-knowledge.ts';

/** What the simulator knows about a prompt: the task behind it and the answers seen in its category. */
export interface SimKnowledge {
  readonly suiteId: string;
  readonly taskId: string;
  readonly category: string;
  readonly expected: unknown;
  readonly scorerType: string;
  /** Distinct expected answers in the same (suite, category): plausible wrong answers. */
  readonly labels: readonly string[];
}

/**
 * The simulator's answer key. Simulated models "know" a task only through its prompt text,
 * exactly as a real model would see it, so the same oracle serves in-process and HTTP calls.
 * A judge prompt (from the `judge` scorer) is known too: the right verdict is the expected answer.
 */
export interface SimOracle {
  lookup(system: string | undefined, prompt: string): SimKnowledge | undefined;
}

/**
 * Builds the whole answer key from the given tasks, holding every one of them: for `sim-serve`,
 * which answers any prompt of its suites at any time. A run's in-process simulated models use
 * `createInFlightOracle` instead, which gives the same answers without holding the tasks. Tasks
 * that share a prompt are known as the last of them; a category's labels are the distinct
 * expected answers of its tasks.
 */
export function createSimOracle(tasks: Iterable<Task>): SimOracle {
  const byPrompt = new Map<string, Task>();
  // Labels by suite, then category: looked up per call with the task's own strings, no key to build.
  const labels = new Map<string, Map<string, Set<string>>>();
  for (const task of tasks) {
    byPrompt.set(promptKey(task.system, task.prompt), task);
    const label = simLabelOf(task.expected);
    if (label !== undefined) {
      const suite = labels.get(task.suiteId) ?? new Map<string, Set<string>>();
      labels.set(task.suiteId, suite);
      const set = suite.get(task.category) ?? new Set<string>();
      suite.set(task.category, set);
      set.add(label);
    }
  }
  // Sorted once per group and shared: a copy per task is O(tasks x labels) in time and memory.
  const sortedLabels = new Map(Array.from(labels, ([suiteId, suite]) => [suiteId, new Map(Array.from(suite, ([category, set]) => [category, [...set].sort()]))]));
  labels.clear();
  const knowledgeOf = (task: Task): SimKnowledge => simKnowledgeOf(task, sortedLabels.get(task.suiteId)?.get(task.category) ?? noLabels);
  // Judge prompts quote the task; judges find it by the question they are shown. Built on the first
  // judge prompt: runs without a judge never pay for it. Tasks with the same prompt share one
  // entry (the last one), as they do in `byPrompt`.
  let byQuestion: Map<string, JudgedTask> | undefined;
  const questions = (): Map<string, JudgedTask> =>
    (byQuestion ??= new Map(Array.from(byPrompt.values(), (task) => [judgeQuestion(task.system, task.prompt), { suiteId: task.suiteId, taskId: task.id, expected: task.expected }])));
  return {
    lookup: (system, prompt) => {
      const known = byPrompt.get(promptKey(system, prompt));
      if (known !== undefined) return knowledgeOf(known);
      const judged = parseJudgePrompt(prompt);
      return judged === undefined ? undefined : simJudgeKnowledge(judged, questions().get(judged.question));
    },
  };
}

const noLabels: readonly string[] = [];

/** What the simulator knows of a task it recognises, given its category's labels. */
export function simKnowledgeOf(task: Task, labels: readonly string[]): SimKnowledge {
  return { suiteId: task.suiteId, taskId: task.id, category: task.category, expected: task.expected, scorerType: task.scorer.type, labels };
}

/** A task's label, as the answer key collects them: string and number answers, as text. */
export function simLabelOf(expected: unknown): string | undefined {
  return typeof expected === 'string' || typeof expected === 'number' ? String(expected) : undefined;
}

/** What the simulator knows of a task, with its category's labels only when a wrong answer is drawn from them. */
export function simKnowledgeWithLabels(task: Task, labels: (suiteId: string, category: string) => readonly string[]): SimKnowledge {
  return simKnowledgeOf(task, answersFromLabels(task.expected) ? labels(task.suiteId, task.category) : noLabels);
}

/** The prompt itself when there is no system prompt (no copy per task), else both, joined. */
export function promptKey(system: string | undefined, prompt: string): string {
  return system === undefined && !prompt.includes('\u0001') ? prompt : `${system ?? ''}\u0001${prompt}`;
}
