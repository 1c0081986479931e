import type { z } from 'zod';
import type { InputProblem } from '../core/input-error.ts';
import type { KeyIndex } from '../suites/schema-keys.ts';
import { closestWord } from './closest-word.ts';
import { formatPath } from './format-path.ts';
import type { ParsedDocument } from './parse-document.ts';

/**
 * Turns zod issues into problems that name the file, the line, the path and the fix.
 * `prefix` is the document path of the value that was validated (for nested validation);
 * `keysAt` lists the keys valid at a path, for "did you mean" suggestions.
 */
export function zodProblems(
  error: z.ZodError,
  doc: Pick<ParsedDocument, 'file' | 'locate'>,
  prefix: readonly PropertyKey[] = [],
  keysAt: KeyIndex = () => [],
): InputProblem[] {
  const renamed = new Set<string>();
  const problems = error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const suggestion = closestWord(key, keysAt(path));
        if (suggestion !== undefined) renamed.add(formatPath([...path, suggestion]));
        return {
          file: doc.file,
          ...doc.locate(path, key),
          path: formatPath([...path, key]),
          message: `unknown key \`${key}\``,
          fix: suggestion === undefined ? `remove \`${key}\` (it is not part of the format)` : `rename it to \`${suggestion}\`, or remove it`,
        };
      });
    }
    return [{ file: doc.file, ...doc.locate(path), path: formatPath(path), message: describe(issue), fix: fixFor(issue) }];
  });
  // A misspelled required key is one mistake: keep "unknown key, rename it", drop "missing field".
  return problems.filter((problem) => !(renamed.has(problem.path) && problem.message.startsWith('missing required field')));
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && isMissing(issue)) return `missing required field (${issue.expected})`;
  if (issue.code === 'invalid_union') {
    const expected = unionTypes(issue);
    if (expected.length > 0) return `expected ${expected.join(' or ')}`;
  }
  return issue.message.replace(/\.$/, '');
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue) ? `add this field (${issue.expected})` : `write a value of type ${issue.expected}`;
    case 'invalid_value':
      return `use one of: ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) return `use one of: ${options.map(String).join(', ')}`;
      const expected = unionTypes(issue);
      return expected.length > 0 ? `write a ${expected.join(' or a ')}` : 'check the value against the schema (suites/suite.schema.json lists the allowed forms)';
    }
    case 'too_small':
      return `use a value ${issue.inclusive === false ? 'greater than' : 'of at least'} ${String(issue.minimum)}`;
    case 'too_big':
      return `use a value ${issue.inclusive === false ? 'less than' : 'of at most'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'change the value to the form the message describes' : `write a valid ${issue.format}`;
    default:
      return 'correct the value';
  }
}

/** The types a union accepted, when every branch failed on the type alone. */
function unionTypes(issue: z.core.$ZodIssueInvalidUnion): string[] {
  const branches = issue.errors.map((branch) => branch.find((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (branches.length === 0 || branches.some((inner) => inner === undefined)) return [];
  return branches.map((inner) => String((inner as { expected: unknown }).expected));
}

/** zod omits the input from issues unless asked; its message says when the field was absent. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
}
