import { createHash } from 'node:crypto';
import { dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { InputError, type InputProblem } from '../core/input-error.ts';
import type { Suite, Task } from '../core/suite.ts';
import { SuiteSchema, TaskFileSchema, TaskSchema, type SuiteInput, type TaskInput } from '../core/suite-schema.ts';
import { formatPath } from '../input/format-path.ts';
import { parseDocumentText, type ParsedDocument } from '../input/parse-document.ts';
import { readInputFile } from '../input/read-input-file.ts';
import { zodProblems } from '../input/zod-problems.ts';
import { checkScorerResources } from './check-scorer-resources.ts';
import { readTaskLines } from './load-task-file.ts';
import { findPlaceholders, lookupVar, renderTemplate } from './render-template.ts';
import { createKeyIndex } from './schema-keys.ts';

/** The suite header: everything but the tasks, which are validated one by one for precise paths. */
const SuiteHeaderSchema = SuiteSchema.extend({ tasks: z.array(z.unknown()).min(1, 'A suite needs at least one task') });
const keysAt = createKeyIndex(SuiteSchema);
/** Keys of a task wherever it was written (inline, or a line of a bulk file). */
const taskKeysAt = (path: readonly PropertyKey[]) => keysAt(['tasks', 0, ...path]);
const maxProblems = 50;
/** Most tasks have no tags: they share one empty list rather than each holding its own. */
const noTags: readonly string[] = Object.freeze([]);
/** The path of a task read from a bulk file: its file and line say where it is. */
const noPath: readonly PropertyKey[] = [];

interface LocatedTask {
  readonly input: TaskInput;
  readonly file: string;
  readonly line: number | undefined;
  readonly path: readonly PropertyKey[];
}

/** Loads, validates and renders one suite file (YAML or JSON). Throws `InputError` with every problem. */
export function loadSuite(file: string): Suite {
  const read = readInputFile(file);
  if (!('text' in read)) throw new InputError([read]);
  const doc = parseDocumentText(file, read.text);
  if (Array.isArray(doc)) throw new InputError(doc);
  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    throw new InputError([{ file, path: '', message: 'a suite must be a mapping with `suite`, `prompt` and `tasks`', fix: 'start from an example in suites/' }]);
  }
  const header = SuiteHeaderSchema.safeParse(doc.value);
  if (!header.success) throw new InputError(zodProblems(header.error, doc, [], keysAt).slice(0, maxProblems));

  const hash = createHash('sha256').update(read.bytes);
  const problems: InputProblem[] = [];
  const located: (LocatedTask | undefined)[] = header.data.tasks.flatMap((raw, index) => collectTasks(raw, index, doc, hash, problems));
  const tasks = buildTasks(header.data, located, problems);
  problems.push(...checkScorerResources(file, tasks, header.data.check));
  if (problems.length > 0) throw new InputError(problems.slice(0, maxProblems));
  return {
    id: header.data.suite,
    version: header.data.version,
    description: header.data.description,
    file,
    hash: hash.digest('hex'),
    generation: header.data.defaults.generation,
    repeats: header.data.defaults.repeats,
    check: header.data.check,
    tasks,
  };
}

function collectTasks(raw: unknown, index: number, doc: ParsedDocument, hash: ReturnType<typeof createHash>, problems: InputProblem[]): LocatedTask[] {
  const path = ['tasks', index];
  if (raw !== null && typeof raw === 'object' && 'file' in raw) {
    const entry = TaskFileSchema.safeParse(raw);
    if (!entry.success) return void problems.push(...zodProblems(entry.error, doc, path, keysAt)), [];
    return collectTaskFile(entry.data, path, doc, hash, problems);
  }
  const task = TaskSchema.safeParse(raw);
  if (!task.success) return void problems.push(...zodProblems(task.error, doc, path, keysAt)), [];
  return [{ input: task.data, file: doc.file, line: doc.locate(path).line, path }];
}

function collectTaskFile(
  entry: z.infer<typeof TaskFileSchema>,
  path: readonly PropertyKey[],
  doc: ParsedDocument,
  hash: ReturnType<typeof createHash>,
  problems: InputProblem[],
): LocatedTask[] {
  // Joined, not resolved, so messages show the path the way the user wrote the suite's.
  const taskFile = join(dirname(doc.file), entry.file);
  const format = entry.format ?? formatFromExtension(taskFile);
  if (format === undefined) {
    problems.push({ file: doc.file, ...doc.locate([...path, 'file']), path: formatPath([...path, 'file']), message: `cannot tell the format of \`${entry.file}\``, fix: 'use a .jsonl or .csv file, or set `format: jsonl|csv`' });
    return [];
  }
  const read = readInputFile(taskFile, entry.file);
  if (!('text' in read)) {
    problems.push({ ...read, file: doc.file, ...doc.locate([...path, 'file']), path: formatPath([...path, 'file']), message: `task file \`${entry.file}\`: ${read.message}`, fix: `${read.fix}; it is relative to the suite file` });
    return [];
  }
  hash.update(read.bytes);
  const located: LocatedTask[] = [];
  const lineProblems: InputProblem[] = [];
  const parseProblems = readTaskLines(taskFile, read.text, format, ({ value, line }) => {
    // Past the limit, lines are still read (a parse problem further on replaces these) but not validated.
    if (problems.length + lineProblems.length >= maxProblems) return;
    const task = TaskSchema.safeParse(value);
    if (!task.success) lineProblems.push(...zodProblems(task.error, { file: taskFile, locate: () => ({ line }) }, [], taskKeysAt));
    else located.push({ input: task.data, file: taskFile, line, path: noPath });
  });
  if (parseProblems.length > 0) return void problems.push(...parseProblems), [];
  problems.push(...lineProblems);
  if (located.length === 0 && problems.length === 0) {
    problems.push({ file: doc.file, ...doc.locate([...path, 'file']), path: formatPath([...path, 'file']), message: `task file \`${entry.file}\` has no tasks`, fix: 'add tasks to the file or remove the entry' });
  }
  return located;
}

/**
 * Builds the tasks from their validated inputs, emptying `located` as it goes: an input is garbage
 * once its task is built, so a large suite never holds every input and every task at once.
 */
function buildTasks(suite: Omit<SuiteInput, 'tasks'>, located: (LocatedTask | undefined)[], problems: InputProblem[]): Task[] {
  const placeholders = [...findPlaceholders(suite.prompt), ...(suite.system === undefined ? [] : findPlaceholders(suite.system))];
  // Where each id was first used; a built task's own `source` serves, so most ids cost no new object.
  const seen = new Map<string, { readonly file: string; readonly line: number | undefined }>();
  const tasks: Task[] = [];
  for (let index = 0; index < located.length; index += 1) {
    const entry = located[index];
    if (entry === undefined) continue;
    located[index] = undefined;
    const { input } = entry;
    const at = { file: entry.file, ...(entry.line === undefined ? {} : { line: entry.line }) };
    const first = seen.get(input.id);
    if (first !== undefined) {
      problems.push({ ...at, path: formatPath([...entry.path, 'id']), message: `duplicate task id \`${input.id}\` (first used at ${first.file}:${first.line ?? '?'})`, fix: 'give every task of a suite its own id' });
      continue;
    }
    const source = { file: entry.file, line: entry.line };
    seen.set(input.id, source);
    const missing = placeholders.filter((name) => lookupVar(input.vars, name) === undefined);
    for (const name of missing) {
      problems.push({ ...at, path: formatPath([...entry.path, 'vars', name]), message: `task \`${input.id}\` has no var \`${name}\`, used by the ${suite.prompt.includes(name) ? 'prompt' : 'system'} template`, fix: `add \`${name}\` to the task's vars, or remove {{${name}}} from the template` });
    }
    const category = input.category ?? suite.defaults.category;
    if (category === undefined) {
      problems.push({ ...at, path: formatPath(entry.path), message: `task \`${input.id}\` has no category`, fix: 'add `category` to the task, or `defaults.category` to the suite' });
    }
    if (missing.length > 0 || category === undefined) continue;
    tasks.push({
      suiteId: suite.suite,
      id: input.id,
      category,
      tags: input.tags.length === 0 ? noTags : input.tags,
      vars: input.vars,
      expected: input.expected,
      scorer: input.scorer ?? suite.defaults.scorer,
      system: suite.system === undefined ? undefined : renderTemplate(suite.system, input.vars),
      prompt: renderTemplate(suite.prompt, input.vars),
      source,
    });
  }
  return tasks;
}

function formatFromExtension(file: string): 'jsonl' | 'csv' | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.csv') return 'csv';
  return undefined;
}
