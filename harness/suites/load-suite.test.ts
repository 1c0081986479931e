import { afterEach, describe, expect, it } from 'vitest';
import { catchProblems } from '../../test/helpers/catch-input-error.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { loadSuite } from './load-suite.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

const good = `suite: triage
version: 2
description: test suite
system: You sort {{kind}} emails.
prompt: |
  Classify: {{text}}
defaults:
  scorer: { type: exact, normalize: [trim, lowercase] }
  generation: { max_tokens: 16 }
  category: routing
tasks:
  - id: t1
    tags: [pii]
    vars: { text: "I was charged twice", kind: support }
    expected: billing
  - id: t2
    category: sentiment
    vars: { text: "Love it", kind: support }
    expected: positive
    scorer: { type: exact }
`;

describe('loadSuite', () => {
  it('loads a YAML suite, applies defaults and renders the templates', () => {
    const suite = loadSuite(dir.write('s.yaml', good));
    expect(suite.id).toBe('triage');
    expect(suite.version).toBe(2);
    expect(suite.generation).toEqual({ max_tokens: 16, temperature: 0 });
    expect(suite.repeats).toBe(1);
    expect([...suite.tasks].map((task) => [task.id, task.category])).toEqual([['t1', 'routing'], ['t2', 'sentiment']]);
    expect([...suite.tasks][0]?.prompt).toBe('Classify: I was charged twice\n');
    expect([...suite.tasks][0]?.system).toBe('You sort support emails.');
    expect([...suite.tasks][0]?.tags).toEqual(['pii']);
    expect([...suite.tasks][0]?.scorer).toEqual({ type: 'exact', normalize: ['trim', 'lowercase'] });
    expect([...suite.tasks][1]?.scorer).toEqual({ type: 'exact', normalize: ['trim'] });
    expect(suite.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('loads the same suite written as JSON', () => {
    const json = { suite: 'j', version: '1.0', prompt: 'Q: {{q}}', defaults: { category: 'qa' }, tasks: [{ id: 'a', vars: { q: 'x' }, expected: 'y' }] };
    const suite = loadSuite(dir.write('s.json', JSON.stringify(json, null, 2)));
    expect([...suite.tasks][0]?.prompt).toBe('Q: x');
  });

  it('loads bulk tasks from JSONL and CSV relative to the suite file', () => {
    dir.write('data/a.jsonl', '{"id":"j1","category":"c","vars":{"q":"one"},"expected":"1"}\n\n{"id":"j2","category":"c","vars":{"q":"two"},"expected":"2"}\n');
    dir.write('data/b.csv', 'id,category,tags,q,expected\nc1,math,pii|hard,"three, quoted",3\n');
    const suite = loadSuite(dir.write('bulk.yaml', 'suite: b\nversion: 1\nprompt: "{{q}}"\ntasks:\n  - file: data/a.jsonl\n  - file: data/b.csv\n'));
    expect([...suite.tasks].map((task) => task.id)).toEqual(['j1', 'j2', 'c1']);
    expect([...suite.tasks][2]).toMatchObject({ category: 'math', tags: ['pii', 'hard'], prompt: 'three, quoted', expected: '3' });
    expect([...suite.tasks][1]?.source.line).toBe(3);
  });

  it('renders non-string vars as JSON and dotted names from nested vars', () => {
    const suite = loadSuite(dir.write('v.yaml', 'suite: v\nversion: 1\nprompt: "{{ n }} {{c.name}} {{list}}"\ndefaults: { category: x }\ntasks:\n  - id: a\n    vars: { n: 3, c: { name: Ada }, list: [1, 2] }\n'));
    expect([...suite.tasks][0]?.prompt).toBe('3 Ada [1,2]');
  });
});

describe('loadSuite errors name the file, the line, the path and the fix', () => {
  it('reports a missing template variable at the task line', () => {
    const file = dir.write('m.yaml', 'suite: m\nversion: 1\nprompt: "Classify {{text}}"\ndefaults: { category: c }\ntasks:\n  - id: a\n    vars: { txt: hi }\n');
    const [problem] = catchProblems(() => loadSuite(file));
    expect(problem).toMatchObject({ file, line: 6, path: 'tasks[0].vars.text' });
    expect(problem?.message).toContain('no var `text`');
    expect(problem?.fix).toContain('add `text`');
  });

  it('reports a duplicate task id, pointing at the first use', () => {
    const file = dir.write('d.yaml', 'suite: d\nversion: 1\nprompt: hi\ndefaults: { category: c }\ntasks:\n  - id: a\n  - id: b\n  - id: a\n');
    const [problem] = catchProblems(() => loadSuite(file));
    expect(problem).toMatchObject({ file, line: 8, path: 'tasks[2].id' });
    expect(problem?.message).toContain('duplicate task id `a`');
    expect(problem?.message).toContain(`${file}:6`);
  });

  it('reports an unknown key at its own line with a suggestion', () => {
    const file = dir.write('u.yaml', 'suite: u\nversion: 1\nprompt: hi\ndefaults: { category: c }\ntasks:\n  - id: a\n    expectd: x\n');
    const [problem] = catchProblems(() => loadSuite(file));
    expect(problem).toMatchObject({ file, line: 7, column: 5, path: 'tasks[0].expectd', message: 'unknown key `expectd`' });
    expect(problem?.fix).toBe('rename it to `expected`, or remove it');
  });

  it('reports an unknown top-level key and a wrong type', () => {
    const file = dir.write('t.yaml', 'suite: t\nversion: 1\nprompt: 42\nmodels: []\ntasks:\n  - id: a\n');
    const problems = catchProblems(() => loadSuite(file));
    expect(problems.map((problem) => problem.path).sort()).toEqual(['models', 'prompt']);
    expect(problems.find((problem) => problem.path === 'prompt')).toMatchObject({ line: 3, fix: 'write a value of type string' });
  });

  it('reports an unknown scorer type with the allowed ones', () => {
    const file = dir.write('s.yaml', 'suite: s\nversion: 1\nprompt: hi\ndefaults: { category: c }\ntasks:\n  - id: a\n    scorer: { type: fuzzy }\n');
    const [problem] = catchProblems(() => loadSuite(file));
    expect(problem).toMatchObject({ file, line: 7, path: 'tasks[0].scorer.type' });
    expect(problem?.fix).toContain('exact');
  });

  it('reports YAML syntax errors with the line', () => {
    const file = dir.write('y.yaml', 'suite: y\nversion: 1\nprompt: [unclosed\ntasks: []\n');
    const [problem] = catchProblems(() => loadSuite(file));
    expect(problem?.file).toBe(file);
    expect(problem?.line).toBeGreaterThanOrEqual(3);
    expect(problem?.message).toContain('invalid YAML');
  });

  it('reports a task without a category, an empty suite and a missing task file', () => {
    expect(catchProblems(() => loadSuite(dir.write('c.yaml', 'suite: c\nversion: 1\nprompt: hi\ntasks:\n  - id: a\n')))[0]).toMatchObject({ path: 'tasks[0]', message: 'task `a` has no category' });
    expect(catchProblems(() => loadSuite(dir.write('e.yaml', 'suite: e\nversion: 1\nprompt: hi\ntasks: []\n')))[0]).toMatchObject({ path: 'tasks', line: 4 });
    expect(catchProblems(() => loadSuite(dir.write('f.yaml', 'suite: f\nversion: 1\nprompt: hi\ntasks:\n  - file: nope.jsonl\n')))[0]).toMatchObject({ path: 'tasks[0].file', line: 5 });
  });

  it('reports a bad line of a JSONL task file with that file and line', () => {
    const jsonl = dir.write('data/bad.jsonl', '{"id":"a","category":"c"}\n{"id":"b","category":"c","colour":1}\n{broken\n');
    const problems = catchProblems(() => loadSuite(dir.write('j.yaml', 'suite: j\nversion: 1\nprompt: hi\ntasks:\n  - file: data/bad.jsonl\n')));
    expect(problems[0]).toMatchObject({ file: jsonl, line: 3 });
  });

  it('reports schema problems on a JSONL line with its line number', () => {
    const jsonl = dir.write('data/keys.jsonl', '{"id":"a","category":"c"}\n{"id":"b","category":"c","colour":1}\n');
    const [problem] = catchProblems(() => loadSuite(dir.write('k.yaml', 'suite: k\nversion: 1\nprompt: hi\ntasks:\n  - file: data/keys.jsonl\n')));
    expect(problem).toMatchObject({ file: jsonl, line: 2, path: 'colour', message: 'unknown key `colour`' });
  });

  it('reports only the parse problems of a JSONL file, even one found past the limit of schema problems', () => {
    const lines = [...Array.from({ length: 60 }, (_, index) => `{"id":"t${index}","category":"c","colour":1}`), '{broken', '\r', '{"id":"last","category":"c"}'];
    const jsonl = dir.write('data/late.jsonl', lines.join('\n'));
    const problems = catchProblems(() => loadSuite(dir.write('l.yaml', 'suite: l\nversion: 1\nprompt: hi\ntasks:\n  - file: data/late.jsonl\n')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: jsonl, line: 61 });
    expect(problems[0]?.message).toContain('invalid JSON');
  });

  it('reads JSONL lines with CRLF endings, blank lines and no final newline', () => {
    dir.write('data/crlf.jsonl', '{"id":"a","category":"c"}\r\n\r\n{"id":"b","category":"c"}');
    const suite = loadSuite(dir.write('c.yaml', 'suite: c\nversion: 1\nprompt: hi\ntasks:\n  - file: data/crlf.jsonl\n'));
    expect([...suite.tasks].map((task) => [task.id, task.source.line])).toEqual([['a', 1], ['b', 3]]);
  });

  it('refuses non-UTF-8 files and YAML alias bombs without hanging', () => {
    expect(catchProblems(() => loadSuite(dir.write('b.yaml', Buffer.from([0x73, 0x3a, 0x20, 0xff, 0xfe, 0x0a]))))[0]?.message).toContain('UTF-8');
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [${Array(9).fill(`*${String.fromCharCode(97 + index)}`).join(',')}]`)].join('\n');
    expect(catchProblems(() => loadSuite(dir.write('bomb.yaml', bomb)))[0]?.message).toContain('cannot expand');
  });
});
