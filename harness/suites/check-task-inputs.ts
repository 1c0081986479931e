import type { InputProblem } from '../core/input-error.ts';
import type { ScorerSpec } from '../core/scorer-spec.ts';
import type { Task } from '../core/suite.ts';
import type { TaskInput } from '../core/suite-schema.ts';
import { createFingerprintTable } from '../fingerprints/create-fingerprint-table.ts';
import { formatPath } from '../input/format-path.ts';
import type { SuiteHeader, TaskBuilder } from './build-task.ts';
import { findPlaceholders, lookupVar } from './render-template.ts';

/**
 * Where a task id was first used: an inline task's place, or the position of a task-file line
 * among every task-file line of the suite (a number costs no object; a duplicate is rare, and
 * `resolve` finds that line again).
 */
export type FirstUse = Task['source'] | number;

/** A scorer spec the suite's tasks use, with the first task that uses it. */
export interface UsedScorer {
  readonly spec: ScorerSpec;
  readonly taskId: string;
  readonly source: Task['source'];
}

/** A duplicate id whose first use is a task-file line, not found yet. */
interface PendingDuplicate {
  readonly id: string;
  readonly at: Omit<InputProblem, 'message' | 'fix'>;
  readonly first: number;
}

/** What `checkTaskInputs` keeps: enough to undo a task file's part of it. */
export interface TaskChecksMark {
  readonly problems: number;
  readonly scorers: number;
  /** The task-file line position the undone file starts at. */
  readonly firstPosition: number;
}

/**
 * The checks every task of a suite gets once it has the right shape: a unique id, every var the
 * templates use, a category. Problems are kept in task order (with a cap); a task file found
 * unreadable half-way is undone with `mark` and `undo`, as if it had never been read.
 */
export interface TaskChecks {
  /** Checks a task; `true` when it has no problem (its task can be built). */
  check(input: TaskInput, at: Task['source'], path: readonly PropertyKey[], firstUse: FirstUse): boolean;
  readonly scorers: readonly UsedScorer[];
  mark(firstPosition: number): TaskChecksMark;
  undo(mark: TaskChecksMark): void;
  /** The problems, a duplicate's first use found with `locate` (task-file line position → place). */
  problems(locate: (position: number) => Task['source']): InputProblem[];
}

export function checkTaskInputs(suite: SuiteHeader, builder: TaskBuilder, maxProblems: number): TaskChecks {
  const placeholders = [...findPlaceholders(suite.prompt), ...(suite.system === undefined ? [] : findPlaceholders(suite.system))];
  // Ids as fingerprints, each with its first use: a task-file line position (≥ 0), or an inline task's
  // place (-1 - its index in `inline`). A Map of 500,000 ids held 25 MB of the JS heap through the load,
  // and the garbage collector kept a limit four times the heap it saw then for the rest of the run.
  // Two ids sharing a fingerprint (odds about 10⁻¹⁵ at a million) would be reported as a duplicate.
  const seen = createFingerprintTable();
  const inline: Task['source'][] = [];
  const found: (InputProblem | PendingDuplicate)[] = [];
  const scorers: UsedScorer[] = [];
  const usedSpecs = new Set<ScorerSpec>();
  const add = (problem: InputProblem | PendingDuplicate) => {
    if (found.length < maxProblems) found.push(problem);
  };
  return {
    scorers,
    check(input, source, path, firstUse) {
      const at = { file: source.file, ...(source.line === undefined ? {} : { line: source.line }) };
      const use = typeof firstUse === 'number' ? firstUse : -1 - inline.length;
      const first = seen.add([input.id], use);
      if (first !== use) {
        const where = { ...at, path: formatPath([...path, 'id']) };
        add(first >= 0 ? { id: input.id, at: where, first } : duplicate(input.id, where, inline[-1 - first] ?? source));
        return false;
      }
      if (typeof firstUse !== 'number') inline.push(firstUse);
      let ok = true;
      for (const name of placeholders) {
        if (lookupVar(input.vars, name) !== undefined) continue;
        ok = false;
        add({ ...at, path: formatPath([...path, 'vars', name]), message: `task \`${input.id}\` has no var \`${name}\`, used by the ${suite.prompt.includes(name) ? 'prompt' : 'system'} template`, fix: `add \`${name}\` to the task's vars, or remove {{${name}}} from the template` });
      }
      if ((input.category ?? suite.defaults.category) === undefined) {
        ok = false;
        add({ ...at, path: formatPath(path), message: `task \`${input.id}\` has no category`, fix: 'add `category` to the task, or `defaults.category` to the suite' });
      }
      if (ok) {
        const spec = builder.scorerOf(input);
        if (!usedSpecs.has(spec)) scorers.push({ spec, taskId: input.id, source });
        usedSpecs.add(spec);
      }
      return ok;
    },
    mark: (firstPosition) => ({ problems: found.length, scorers: scorers.length, firstPosition }),
    undo(mark) {
      found.length = mark.problems;
      for (const { spec } of scorers.splice(mark.scorers)) usedSpecs.delete(spec);
      seen.retain((first) => first < mark.firstPosition);
    },
    problems: (locate) => found.map((problem) => ('first' in problem ? duplicate(problem.id, problem.at, locate(problem.first)) : problem)),
  };
}

function duplicate(id: string, at: Omit<InputProblem, 'message' | 'fix'>, first: Task['source']): InputProblem {
  return { ...at, message: `duplicate task id \`${id}\` (first used at ${first.file}:${first.line ?? '?'})`, fix: 'give every task of a suite its own id' };
}
