import { createHash, type Hash } from 'node:crypto';
import { dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { InputError, type InputProblem } from '../core/input-error.ts';
import type { Suite, Task } from '../core/suite.ts';
import { SuiteSchema, TaskFileSchema, TaskSchema } from '../core/suite-schema.ts';
import { formatPath } from '../input/format-path.ts';
import { parseDocumentText, type ParsedDocument } from '../input/parse-document.ts';
import { readInputFile } from '../input/read-input-file.ts';
import { zodProblems } from '../input/zod-problems.ts';
import { createTaskBuilder, type TaskBuilder } from './build-task.ts';
import { checkScorerResources } from './check-scorer-resources.ts';
import { checkTaskInputs, type TaskChecks } from './check-task-inputs.ts';
import { createTaskSource, type TaskChunkReader } from './create-task-source.ts';
import { findTaskLine } from './find-task-line.ts';
import { indexTaskFile, type TaskFileIndex } from './index-task-file.ts';
import { readTaskChunk } from './read-task-chunk.ts';
import { createKeyIndex } from './schema-keys.ts';

/** The suite header: everything but the tasks, which are validated one by one for precise paths. */
const SuiteHeaderSchema = SuiteSchema.extend({ tasks: z.array(z.unknown()).min(1, 'A suite needs at least one task') });
const keysAt = createKeyIndex(SuiteSchema);
/** Keys of a task wherever it was written (inline, or a line of a bulk file). */
const taskKeysAt = (path: readonly PropertyKey[]) => keysAt(['tasks', 0, ...path]);
const maxProblems = 50;
/** The path of a task read from a bulk file: its file and line say where it is. */
const noPath: readonly PropertyKey[] = [];

/** What the loading pass gathers: problems in the order they are reported, and the chunks of the task source. */
interface Loading {
  readonly doc: ParsedDocument;
  readonly hash: Hash;
  readonly builder: TaskBuilder;
  readonly checks: TaskChecks;
  /** Problems of shape (schema, unreadable files, lines that do not parse), reported before the checks' problems. */
  readonly problems: InputProblem[];
  readonly chunks: TaskChunkReader[];
  /** Task files read, by the position of their first line among every task-file line of the suite. */
  readonly files: { readonly start: number; readonly index: TaskFileIndex }[];
  /** Task-file lines handed out so far. */
  position: number;
  inline: Task[];
}

/**
 * Loads and validates one suite file (YAML or JSON) in one pass over it and its task files, which
 * are read line by line: nothing of a task file is held but an index of where its tasks lie (its
 * tasks are read again by each pass over `suite.tasks`). Throws `InputError` with every problem.
 */
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

  const builder = createTaskBuilder(header.data);
  const loading: Loading = { doc, hash: createHash('sha256').update(read.bytes), builder, checks: checkTaskInputs(header.data, builder, maxProblems), problems: [], chunks: [], files: [], position: 0, inline: [] };
  header.data.tasks.forEach((raw, index) => collectTasks(loading, raw, ['tasks', index]));
  endInline(loading);
  const problems = [
    ...loading.problems,
    ...loading.checks.problems((position) => locateTaskLine(loading, position)),
    ...checkScorerResources(file, loading.checks.scorers, header.data.check),
  ];
  if (problems.length > 0) throw new InputError(problems.slice(0, maxProblems));
  return {
    id: header.data.suite,
    version: header.data.version,
    description: header.data.description,
    file,
    hash: loading.hash.digest('hex'),
    generation: header.data.defaults.generation,
    repeats: header.data.defaults.repeats,
    check: header.data.check,
    scorers: loading.checks.scorers.map(({ spec, taskId }) => ({ spec, taskId })),
    tasks: createTaskSource(loading.chunks),
  };
}

function collectTasks(loading: Loading, raw: unknown, path: readonly PropertyKey[]): void {
  const { doc, problems } = loading;
  if (raw !== null && typeof raw === 'object' && 'file' in raw) {
    endInline(loading);
    const entry = TaskFileSchema.safeParse(raw);
    if (!entry.success) return void problems.push(...zodProblems(entry.error, doc, path, keysAt));
    return collectTaskFile(loading, entry.data, path);
  }
  const task = TaskSchema.safeParse(raw);
  if (!task.success) return void problems.push(...zodProblems(task.error, doc, path, keysAt));
  const source = { file: doc.file, line: doc.locate(path).line };
  if (loading.checks.check(task.data, source, path, source)) loading.inline.push(loading.builder.build(task.data, source));
}

/** Inline tasks written one after another form one chunk, held in memory (the suite file is, anyway). */
function endInline(loading: Loading): void {
  const tasks = loading.inline;
  if (tasks.length > 0) loading.chunks.push({ count: tasks.length, read: () => tasks });
  loading.inline = [];
}

function collectTaskFile(loading: Loading, entry: z.infer<typeof TaskFileSchema>, path: readonly PropertyKey[]): void {
  const { doc, problems, checks } = loading;
  // Joined, not resolved, so messages show the path the way the user wrote the suite's.
  const taskFile = join(dirname(doc.file), entry.file);
  const at = { file: doc.file, ...doc.locate([...path, 'file']), path: formatPath([...path, 'file']) };
  const format = entry.format ?? formatFromExtension(taskFile);
  if (format === undefined) return void problems.push({ ...at, message: `cannot tell the format of \`${entry.file}\``, fix: 'use a .jsonl or .csv file, or set `format: jsonl|csv`' });
  const start = loading.position;
  const mark = checks.mark(start);
  const shapeProblems = problems.length;
  let tasks = 0;
  const indexed = indexTaskFile(taskFile, entry.file, format, loading.hash, ({ value, line }) => {
    const position = loading.position++;
    // Past the limit, lines are still read (a parse problem further on replaces these) but not checked.
    if (problems.length >= maxProblems) return;
    const task = TaskSchema.safeParse(value);
    if (!task.success) return void problems.push(...zodProblems(task.error, { file: taskFile, locate: () => ({ line }) }, [], taskKeysAt));
    tasks += 1;
    checks.check(task.data, { file: taskFile, line }, noPath, position);
  });
  if ('readProblem' in indexed || 'parseProblems' in indexed) {
    // The file's tasks are dropped: what its lines were found to lack goes too.
    problems.length = shapeProblems;
    checks.undo(mark);
  }
  if ('readProblem' in indexed) {
    const read = indexed.readProblem;
    return void problems.push({ ...read, ...at, message: `task file \`${entry.file}\`: ${read.message}`, fix: `${read.fix}; it is relative to the suite file` });
  }
  if ('parseProblems' in indexed) return void problems.push(...indexed.parseProblems);
  if (tasks === 0 && problems.length === 0) return void problems.push({ ...at, message: `task file \`${entry.file}\` has no tasks`, fix: 'add tasks to the file or remove the entry' });
  loading.files.push({ start, index: indexed.index });
  loading.chunks.push(...chunkReaders(indexed.index, loading.builder));
}

/** Readers of a task file's chunks, made apart so that they keep nothing of the loading (the ids seen, for one). */
function chunkReaders(index: TaskFileIndex, builder: TaskBuilder): TaskChunkReader[] {
  return index.chunks.map((chunk) => ({ count: chunk.count, read: () => readTaskChunk(index, chunk, builder) }));
}

/** The place of the `position`-th task-file line of the suite (for a duplicate id's first use). */
function locateTaskLine(loading: Loading, position: number): Task['source'] {
  const file = loading.files.findLast((candidate) => candidate.start <= position);
  if (file === undefined) return { file: loading.doc.file, line: undefined };
  return { file: file.index.file, line: findTaskLine(file.index, position - file.start) };
}

function formatFromExtension(file: string): 'jsonl' | 'csv' | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.csv') return 'csv';
  return undefined;
}
