import { afterEach, describe, expect, it } from 'vitest';
import { catchProblems } from '../../test/helpers/catch-input-error.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { loadSuite } from './load-suite.ts';

const dir = createTempDir();
afterEach(() => dir.remove());

const suite = (scorer: string, extra = '') => dir.write('s/suite.yaml', `suite: s\nversion: 1\nprompt: "Q {{n}}"\n${extra}defaults:\n  category: c\n  scorer: ${scorer}\ntasks:\n  - { id: a, vars: { n: 1 }, expected: "1" }\n  - { id: b, vars: { n: 2 }, expected: "2" }\n`);

describe('scorer specs in suites', () => {
  it('loads every scorer type and the suite check', () => {
    dir.write('s/scorers/mine.ts', 'export default () => true;\n');
    const file = suite(
      `{ type: weighted, scorers: [{ scorer: { type: custom, module: ./scorers/mine.ts } }, { weight: 2, scorer: { type: json, schema: { type: object } } }, { scorer: { type: judge, judges: [m], rubric: r } }, { scorer: { type: code } }, { scorer: { type: choice } }, { scorer: { type: contains } }, { scorer: { type: regex, pattern: "\\\\d" } }] }`,
      'check: { type: json, schema: { type: object } }\n',
    );
    const loaded = loadSuite(file);
    expect(loaded.check).toEqual({ type: 'json', schema: { type: 'object' } });
    expect([...loaded.tasks][0]?.scorer.type).toBe('weighted');
  });

  it('refuses a custom module that does not exist, once, naming the path it looked at', () => {
    const problems = catchProblems(() => loadSuite(suite('{ type: custom, module: ./nowhere.ts }')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'tasks[a].scorer', message: 'custom scorer module `./nowhere.ts` not found' });
    expect(problems[0]?.fix).toContain('nowhere.ts');
  });

  it('refuses JSON Schemas that do not compile, in scorers and in the check', () => {
    const problems = catchProblems(() => loadSuite(suite('{ type: json, schema: { type: 12 } }', 'check: { type: json, schema: { minLength: -1 } }\n')));
    expect(problems.map((problem) => problem.path)).toEqual(['tasks[a].scorer', 'check.schema']);
    expect(problems[0]?.message).toMatch(/^invalid JSON Schema/);
  });

  it('refuses unknown scorer options and checks with the usual messages', () => {
    const problems = catchProblems(() => loadSuite(suite('{ type: choice, letters: [A, B] }', 'check: { type: spell }\n')));
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/unknown key `letters`/);
  });
});
