import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { catchProblems } from '../../test/helpers/catch-input-error.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { InputError } from '../core/input-error.ts';
import { TaskSchema } from '../core/suite-schema.ts';
import { loadSuite } from './load-suite.ts';
import { renderTemplate } from './render-template.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

/** A JSONL line per task, long enough that a few thousand span many chunks (a chunk is ~64 KB). */
function jsonlLines(count: number, line: (index: number) => object = (index) => ({ id: `t${index}`, category: index % 3 === 0 ? 'a' : 'b', vars: { n: index, pad: 'x'.repeat(index % 40) }, expected: index * 2 })): string[] {
  return Array.from({ length: count }, (_, index) => JSON.stringify(line(index)));
}

const suiteFor = (file: string, extra = '') => `suite: big\nversion: 1\nprompt: "n={{n}}"\n${extra}tasks:\n  - file: ${file}\n`;

describe('task source of a bulk file', () => {
  it('counts the tasks without holding them, and every pass yields the same tasks', () => {
    dir.write('data/big.jsonl', `${jsonlLines(5000).join('\n')}\n`);
    const suite = loadSuite(dir.write('s.yaml', suiteFor('data/big.jsonl')));
    expect(suite.tasks.count).toBe(5000);
    expect(suite.tasks.chunkCount).toBeGreaterThan(3);
    const first = [...suite.tasks];
    const second = [...suite.tasks];
    expect(first).toHaveLength(5000);
    expect(second).toEqual(first);
    expect(first[4321]).toMatchObject({ id: 't4321', category: 'b', prompt: 'n=4321', expected: 8642, source: { line: 4322 } });
    // Chunks add up to the whole, in order.
    const chunked = Array.from({ length: suite.tasks.chunkCount }, (_, index) => suite.tasks.readChunk(index)).flat();
    expect(chunked.map((task) => task.id)).toEqual(first.map((task) => task.id));
  });

  it('gives the tasks the schema would (defaults, own scorers shared by spec), on every pass', () => {
    const lines = jsonlLines(3000, (index) => ({
      id: `t${index}`,
      category: 'c',
      ...(index % 2 === 0 ? { tags: ['x', 'y'] } : {}),
      ...(index % 5 === 0 ? {} : { vars: { n: index, nested: { deep: [index] } } }),
      ...(index % 7 === 0 ? { scorer: { type: 'numeric' } } : {}),
      ...(index % 4 === 0 ? { expected: null } : { expected: `e${index}` }),
    }));
    dir.write('data/shapes.jsonl', `${lines.join('\n')}\n`);
    const suite = loadSuite(dir.write('s.yaml', 'suite: s\nversion: 1\nprompt: hi\ndefaults: { scorer: { type: exact } }\ntasks:\n  - file: data/shapes.jsonl\n'));
    const tasks = [...suite.tasks];
    lines.forEach((line, index) => {
      const input = TaskSchema.parse(JSON.parse(line));
      const task = tasks[index];
      expect({ tags: task?.tags, vars: task?.vars, expected: task?.expected, scorer: task?.scorer }).toEqual({ tags: input.tags, vars: input.vars, expected: input.expected, scorer: input.scorer ?? { type: 'exact', normalize: ['trim'] } });
    });
    // One object per distinct spec: scorers are cached by spec object.
    expect([...suite.tasks][7]?.scorer).toBe(tasks[14]?.scorer);
    expect(suite.scorers.map((scorer) => [scorer.spec.type, scorer.taskId])).toEqual([['numeric', 't0'], ['exact', 't1']]);
  });

  it('refuses a task file changed between passes, naming the file and where', () => {
    const file = dir.write('data/big.jsonl', `${jsonlLines(4000).join('\n')}\n`);
    const suite = loadSuite(dir.write('s.yaml', suiteFor('data/big.jsonl')));
    expect([...suite.tasks]).toHaveLength(4000);
    // Same size, one digit changed far into the file.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"t3500"');
    writeFileSync(file, `${text.slice(0, at)}"t3501"${text.slice(at + 7)}`);
    const problems = catchProblems(() => [...suite.tasks]);
    expect(problems[0]).toMatchObject({ file, path: '' });
    expect(problems[0]?.message).toMatch(/^task file changed since the suite was loaded/);
    expect(problems[0]?.line).toBeLessThanOrEqual(3501);
    expect(problems[0]?.fix).toContain('while a run reads them');
    // The chunks before the change are still as they were.
    expect(suite.tasks.readChunk(0)[0]?.id).toBe('t0');
    // Grown: refused from the first chunk on.
    writeFileSync(file, text);
    appendFileSync(file, `${JSON.stringify({ id: 'extra', category: 'a', vars: { n: 1 } })}\n`);
    expect(() => suite.tasks.readChunk(0)).toThrow(InputError);
    expect(() => suite.tasks.readChunk(0)).toThrow(/was \d+ bytes and is now \d+/);
  });

  it('reports bad lines deep in a large file with their file and line', () => {
    const lines = jsonlLines(4000);
    lines[2999] = JSON.stringify({ id: 't2999', category: 'a', vars: { n: 1 }, colour: 'red' });
    const file = dir.write('data/keys.jsonl', `${lines.join('\n')}\n`);
    const [schema] = catchProblems(() => loadSuite(dir.write('k.yaml', suiteFor('data/keys.jsonl'))));
    expect(schema).toMatchObject({ file, line: 3000, path: 'colour', message: 'unknown key `colour`' });
    lines[3499] = '{broken';
    dir.write('data/keys.jsonl', `${lines.join('\n')}\n`);
    // A line that does not parse replaces the schema problems of its file.
    const problems = catchProblems(() => loadSuite(dir.path('k.yaml')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: 3500 });
    expect(problems[0]?.message).toContain('invalid JSON');
  });

  it('finds where a duplicate id was first used, across chunks and files', () => {
    const first = dir.write('data/one.jsonl', `${jsonlLines(3000).join('\n')}\n`);
    dir.write('data/two.jsonl', `${jsonlLines(10, (index) => ({ id: index === 7 ? 't2500' : `u${index}`, category: 'a', vars: { n: index } })).join('\n')}\n`);
    const file = dir.write('d.yaml', 'suite: d\nversion: 1\nprompt: "{{n}}"\ntasks:\n  - file: data/one.jsonl\n  - { id: inline, category: a, vars: { n: 1 } }\n  - file: data/two.jsonl\n');
    const [problem] = catchProblems(() => loadSuite(file));
    expect(problem).toMatchObject({ line: 8, path: 'id', message: `duplicate task id \`t2500\` (first used at ${first}:2501)` });
  });

  it('measures a JSONL line over the length limit without holding it', () => {
    const long = JSON.stringify({ id: 'long', category: 'a', vars: { n: 'é'.repeat(1_600_000) } });
    const file = dir.write('data/long.jsonl', `${jsonlLines(100).join('\n')}\n${long}\n${jsonlLines(5).join('\n')}\n`);
    const [problem] = catchProblems(() => loadSuite(dir.write('l.yaml', suiteFor('data/long.jsonl'))));
    expect(problem).toMatchObject({ file, line: 101, message: `line is ${long.length} characters, over the 1048576-character limit` });
  });

  it('reads CSV rows with quoted newlines and commas across chunks as the CSV parser does on the whole file', () => {
    const rows = Array.from({ length: 3000 }, (_, index) => `r${index},cat,"line one\nline ${index}, with ""quotes""",${index}`);
    const file = dir.write('data/quoted.csv', `id,category,n,expected\n${rows.join('\n')}\n`);
    const suite = loadSuite(dir.write('c.yaml', suiteFor('data/quoted.csv')));
    expect(suite.tasks.chunkCount).toBeGreaterThan(1);
    const whole = parseCsv<{ record: Record<string, string>; info: { lines: number } }>(readFileSync(file, 'utf8'), { columns: true, info: true });
    const tasks = [...suite.tasks];
    expect(tasks.map((task) => [task.id, task.vars.n, task.expected, task.source.line])).toEqual(whole.map(({ record, info }) => [record.id, record.n, record.expected, info.lines]));
  });

  it('reports a CSV problem in a later chunk with the line of the file', () => {
    const rows = Array.from({ length: 4000 }, (_, index) => `r${index},cat,${index}${index === 3210 ? ',extra' : ''}`);
    const file = dir.write('data/ragged.csv', `id,category,n\n${rows.join('\n')}\n`);
    const [problem] = catchProblems(() => loadSuite(dir.write('r.yaml', suiteFor('data/ragged.csv'))));
    expect(problem).toMatchObject({ file, line: 3212 });
    expect(problem?.message).toMatch(/^invalid CSV: Invalid Record Length: columns length is 3, got 4 on line 3212/);
  });

  it('reads a file with a byte-order mark and CRLF line ends', () => {
    dir.write('data/bom.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${jsonlLines(3000).join('\r\n')}\r\n`)]));
    const suite = loadSuite(dir.write('b.yaml', suiteFor('data/bom.jsonl')));
    const tasks = [...suite.tasks];
    expect(tasks).toHaveLength(3000);
    expect(tasks[0]).toMatchObject({ id: 't0', source: { line: 1 } });
    expect(tasks[2999]?.prompt).toBe(renderTemplate('n={{n}}', { n: 2999 }));
  });

  it('refuses a task file that is not UTF-8 far into it, as a problem of its entry in the suite', () => {
    const text = Buffer.from(`${jsonlLines(3000).join('\n')}\n`);
    dir.write('data/latin.jsonl', Buffer.concat([text, Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x0a])]));
    const file = dir.write('u.yaml', suiteFor('data/latin.jsonl'));
    const problems = catchProblems(() => loadSuite(file));
    expect(problems).toEqual([expect.objectContaining({ file, line: 5, path: 'tasks[0].file', message: 'task file `data/latin.jsonl`: file is not valid UTF-8' })]);
  });

  it('keeps the suite hash of the bytes read, whatever the chunks', () => {
    const text = `${jsonlLines(3000).join('\n')}\n`;
    dir.write('data/a.jsonl', text);
    const a = loadSuite(dir.write('s.yaml', suiteFor('data/a.jsonl')));
    dir.write('data/a.jsonl', text.replace('"t0"', '"T0"'));
    expect(loadSuite(dir.path('s.yaml')).hash).not.toBe(a.hash);
    dir.write('data/a.jsonl', text);
    expect(loadSuite(dir.path('s.yaml')).hash).toBe(a.hash);
  });
});
