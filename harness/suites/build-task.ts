import { ScorerSpecSchema, type ScorerSpec } from '../core/scorer-spec.ts';
import type { Task } from '../core/suite.ts';
import { TaskSchema, type SuiteInput, type TaskInput } from '../core/suite-schema.ts';
import { compileTemplate } from './render-template.ts';

/** The suite file's part of a task: everything but the task list. */
export type SuiteHeader = Omit<SuiteInput, 'tasks'>;

/** Builds the tasks of one suite, on every pass over them. */
export interface TaskBuilder {
  /** A task from its validated input (its vars complete, its category known): defaults applied, prompts rendered. */
  build(input: TaskInput, source: Task['source']): Task;
  /**
   * A task from a raw line that passed `TaskSchema` when the suite was loaded and whose bytes are
   * unchanged since: the schema's defaults are applied without checking every field again (that
   * was a third of the cost of a pass over the tasks).
   */
  rebuild(value: unknown, source: Task['source']): Task;
  /**
   * The scorer a task uses, as one shared object per distinct spec: a task's own spec is parsed
   * again on every pass, and scorers are cached by spec object.
   */
  scorerOf(input: TaskInput): ScorerSpec;
}

/** Most tasks have no tags: they share one empty list rather than each holding its own. */
const noTags: readonly string[] = Object.freeze([]);

export function createTaskBuilder(suite: SuiteHeader): TaskBuilder {
  const prompt = compileTemplate(suite.prompt);
  const system = suite.system === undefined ? undefined : compileTemplate(suite.system);
  const specs = new Map<string, ScorerSpec>([[JSON.stringify(suite.defaults.scorer), suite.defaults.scorer]]);
  const scorerOf = (input: TaskInput): ScorerSpec => {
    if (input.scorer === undefined) return suite.defaults.scorer;
    const key = JSON.stringify(input.scorer);
    let spec = specs.get(key);
    if (spec === undefined) specs.set(key, (spec = input.scorer));
    return spec;
  };
  // A task's own scorer, by its text as written: parsed (defaults applied) once per distinct spec.
  const written = new Map<string, ScorerSpec>();
  const writtenScorer = (raw: unknown): ScorerSpec => {
    const key = JSON.stringify(raw);
    let spec = written.get(key);
    if (spec === undefined) written.set(key, (spec = scorerOf({ id: '', tags: [], vars: {}, scorer: ScorerSpecSchema.parse(raw) })));
    return spec;
  };
  const build = (input: TaskInput, source: Task['source']): Task => ({
    suiteId: suite.suite,
    id: input.id,
    category: input.category ?? suite.defaults.category ?? '',
    tags: input.tags.length === 0 ? noTags : input.tags,
    vars: input.vars,
    expected: input.expected,
    scorer: scorerOf(input),
    system: system?.(input.vars),
    prompt: prompt(input.vars),
    source,
  });
  return {
    scorerOf,
    build,
    rebuild(value, source) {
      const line = value as { id: string; category?: string; tags?: string[]; vars?: Record<string, unknown>; expected?: unknown; scorer?: unknown };
      const vars = line.vars ?? {};
      // The schema copies vars into a new object, where a `__proto__` key does not survive: such a line takes the long way.
      if (Object.hasOwn(vars, '__proto__')) return build(TaskSchema.parse(value), source);
      const input: TaskInput = { id: line.id, tags: line.tags ?? [], vars };
      if (line.category !== undefined) input.category = line.category;
      if ('expected' in line) input.expected = line.expected;
      if (line.scorer !== undefined) input.scorer = writtenScorer(line.scorer);
      return build(input, source);
    },
  };
}
