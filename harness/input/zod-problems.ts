import type { z } from 'zod';
import type { InputProblem } from '../core/input-error.ts';
import { formatPath } from './format-path.ts';
import type { ParsedDocument } from './parse-document.ts';

/**
 * Turns zod issues into problems that name the file, the line, the path and the fix.
 * `prefix` is the document path of the value that was validated (for nested validation).
 */
export function zodProblems(
  error: z.ZodError,
  doc: Pick<ParsedDocument, 'file' | 'locate'>,
  prefix: readonly PropertyKey[] = [],
  knownKeys: readonly string[] = [],
): InputProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file: doc.file,
        ...doc.locate(path, key),
        path: formatPath([...path, key]),
        message: `unknown key \`${key}\``,
        fix: unknownKeyFix(key, knownKeys),
      }));
    }
    return [{ file: doc.file, ...doc.locate(path), path: formatPath(path), message: describe(issue), fix: fixFor(issue) }];
  });
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && isMissing(issue)) return `missing required field (${issue.expected})`;
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
      return Array.isArray(options) ? `use one of: ${options.map(String).join(', ')}` : 'check the value against the schema (suites/suite.schema.json lists the allowed forms)';
    }
    case 'too_small':
      return `use a value of at least ${String(issue.minimum)}`;
    case 'too_big':
      return `use a value of at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `write a valid ${issue.format}`;
    default:
      return 'correct the value';
  }
}

function unknownKeyFix(key: string, knownKeys: readonly string[]): string {
  const suggestion = closest(key, knownKeys);
  return suggestion === undefined ? `remove \`${key}\` (it is not part of the format)` : `remove \`${key}\` or rename it; did you mean \`${suggestion}\`?`;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** zod omits the input from issues unless asked; its message says when the field was absent. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
}
