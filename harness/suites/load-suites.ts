import { InputError, type InputProblem } from '../core/input-error.ts';
import type { Suite } from '../core/suite.ts';
import { findSuiteFiles } from './find-suite-files.ts';
import { loadSuite } from './load-suite.ts';

/** Loads every suite under the given paths; all problems from all files are reported together. */
export function loadSuites(paths: readonly string[]): Suite[] {
  const problems: InputProblem[] = [];
  const suites: Suite[] = [];
  for (const file of findSuiteFiles(paths)) {
    try {
      suites.push(loadSuite(file));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  const firstFile = new Map<string, string>();
  for (const suite of suites) {
    const other = firstFile.get(suite.id);
    if (other !== undefined) problems.push({ file: suite.file, path: 'suite', message: `suite id \`${suite.id}\` is also used by ${other}`, fix: 'give every suite its own id' });
    firstFile.set(suite.id, suite.file);
  }
  if (problems.length > 0) throw new InputError(problems);
  return suites;
}
