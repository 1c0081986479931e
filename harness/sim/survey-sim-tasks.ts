import type { Task } from '../core/suite.ts';
import { answersFromLabels } from './sim-answer.ts';
import { promptKey, simKnowledgeWithLabels, simLabelOf, type SimKnowledge } from './sim-oracle.ts';

/**
 * What the simulator must know about a run's tasks as a whole, beyond the task in hand: the labels
 * a wrong answer is drawn from, and which prompts several tasks share (the full answer key knows a
 * shared prompt as its last task). Small, whatever the number of tasks, unless most tasks share
 * their prompt or draw wrong answers from categories with many distinct free-text answers.
 */
export interface SimTaskFacts {
  /** The sorted distinct expected answers of (suite, category); complete for tasks that answer from labels. */
  labels(suiteId: string, category: string): readonly string[];
  /** Prompt key → what the full answer key knows for a prompt several tasks share. */
  readonly shared: ReadonlyMap<string, SimKnowledge>;
}

/** Gathers {@link SimTaskFacts} from every task of a run, seen once each in any order. */
export interface SimSurvey {
  add(task: Task): void;
  /**
   * The facts. `sources` (every task again, in run order) are read a second time only when some
   * prompts may be shared or some labels went by before they were known to be needed.
   */
  finish(sources: readonly Iterable<Task>[]): SimTaskFacts;
}

interface LabelGroup {
  /** Some task of the group draws wrong answers from labels: they are collected. */
  needed: boolean;
  /** A label went by before the group was needed: the second reading collects the group's labels. */
  missed: boolean;
  labels: Set<string> | undefined;
  sorted?: readonly string[];
}

const noLabels: readonly string[] = [];

/**
 * Labels are kept only for categories where a wrong answer is drawn from them (not for numbers);
 * shared prompts are found from a 53-bit fingerprint per task (8 bytes each, dropped once the
 * facts are out), then confirmed on the prompts themselves.
 */
export function createSimSurvey(): SimSurvey {
  const groups = new Map<string, Map<string, LabelGroup>>();
  const groupOf = (task: Task): LabelGroup => {
    let suite = groups.get(task.suiteId);
    if (suite === undefined) groups.set(task.suiteId, (suite = new Map<string, LabelGroup>()));
    let group = suite.get(task.category);
    if (group === undefined) suite.set(task.category, (group = { needed: false, missed: false, labels: undefined }));
    return group;
  };
  let fingerprints: Float64Array = new Float64Array(1024);
  let count = 0;
  return {
    add(task) {
      if (count === fingerprints.length) fingerprints = grow(fingerprints);
      fingerprints[count] = fingerprint(promptKey(task.system, task.prompt));
      count += 1;
      const group = groupOf(task);
      const { expected } = task;
      if (!group.needed && answersFromLabels(expected)) {
        group.needed = true;
        group.labels = new Set();
      }
      const label = simLabelOf(expected);
      if (label === undefined) return;
      if (group.labels === undefined) group.missed = true;
      else group.labels.add(label);
    },
    finish(sources) {
      const sharedFingerprints = repeated(fingerprints.subarray(0, count));
      fingerprints = new Float64Array(0);
      const missed = [...groups.values()].some((suite) => [...suite.values()].some((group) => group.missed && group.needed));
      const lastByPrompt = new Map<string, { task: Task; tasks: number }>();
      if (sharedFingerprints.size > 0 || missed) {
        for (const source of sources) {
          for (const task of source) {
            const group = groupOf(task);
            const label = simLabelOf(task.expected);
            if (group.missed && group.needed && label !== undefined) group.labels?.add(label);
            if (sharedFingerprints.size === 0) continue;
            const key = promptKey(task.system, task.prompt);
            if (!sharedFingerprints.has(fingerprint(key))) continue;
            lastByPrompt.set(key, { task, tasks: (lastByPrompt.get(key)?.tasks ?? 0) + 1 });
          }
        }
      }
      const labels = (suiteId: string, category: string): readonly string[] => {
        const group = groups.get(suiteId)?.get(category);
        if (group?.labels === undefined) return noLabels;
        return (group.sorted ??= [...group.labels].sort());
      };
      const shared = new Map<string, SimKnowledge>();
      for (const [key, { task, tasks }] of lastByPrompt) if (tasks > 1) shared.set(key, simKnowledgeWithLabels(task, labels));
      return { labels, shared };
    },
  };
}

/** The fingerprints that occur more than once. */
function repeated(fingerprints: Float64Array): Set<number> {
  const sorted = fingerprints.slice().sort();
  const found = new Set<number>();
  for (let index = 1; index < sorted.length; index += 1) if (sorted[index] === sorted[index - 1]) found.add(sorted[index] ?? 0);
  return found;
}

/** 53 bits of a cyrb53 hash of the text: exact as a double, rarely equal for different texts. */
function fingerprint(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
