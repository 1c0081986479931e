import type { Task } from '../core/suite.ts';
import { judgeQuestion, parseJudgePrompt } from '../scorers/judge/judge-prompt.ts';
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

/** Builds the answer key from loaded tasks. */
export function createSimOracle(tasks: Iterable<Task>): SimOracle {
  const byPrompt = new Map<string, SimKnowledge>();
  const labels = new Map<string, Set<string>>();
  const list = [...tasks];
  for (const task of list) {
    const group = `${task.suiteId}\u0000${task.category}`;
    if (typeof task.expected === 'string' || typeof task.expected === 'number') {
      const set = labels.get(group) ?? new Set<string>();
      set.add(String(task.expected));
      labels.set(group, set);
    }
  }
  // Sorted once per group and shared: a copy per task is O(tasks x labels) in time and memory.
  const sortedLabels = new Map([...labels].map(([group, set]) => [group, [...set].sort()]));
  for (const task of list) {
    const group = sortedLabels.get(`${task.suiteId}\u0000${task.category}`);
    byPrompt.set(promptKey(task.system, task.prompt), {
      suiteId: task.suiteId,
      taskId: task.id,
      category: task.category,
      expected: task.expected,
      scorerType: task.scorer.type,
      labels: group ?? [],
    });
  }
  // Judge prompts quote the task; judges find it by the question they are shown. Built on the first
  // judge prompt: runs without a judge never pay for it.
  let byQuestion: Map<string, JudgedTask> | undefined;
  const questions = (): Map<string, JudgedTask> =>
    (byQuestion ??= new Map(list.map((task) => [judgeQuestion(task.system, task.prompt), { suiteId: task.suiteId, taskId: task.id, expected: task.expected }])));
  return {
    lookup: (system, prompt) => {
      const known = byPrompt.get(promptKey(system, prompt));
      if (known !== undefined) return known;
      const judged = parseJudgePrompt(prompt);
      return judged === undefined ? undefined : simJudgeKnowledge(judged, questions().get(judged.question));
    },
  };
}

/** The prompt itself when there is no system prompt (no copy per task), else both, joined. */
function promptKey(system: string | undefined, prompt: string): string {
  return system === undefined && !prompt.includes('\u0001') ? prompt : `${system ?? ''}\u0001${prompt}`;
}
