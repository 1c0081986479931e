/**
 * One problem in a file the user wrote. The CLI prints it as
 * `file:line:column path: message. Fix: fix` and exits with code 2.
 */
export interface InputProblem {
  /** Path of the file as the user named it (or as it was found under a folder). */
  readonly file: string;
  /** 1-based line, when the parser knows where the problem is. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
  /** Path inside the document, e.g. `tasks[3].vars.text`; empty for the whole file. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Thrown by loaders when user input is invalid; carries every problem found, never a partial result. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Formats one problem on one line, the way the CLI prints it. */
export function formatProblem(problem: InputProblem): string {
  const where = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  const path = problem.path === '' ? '' : ` ${problem.path}:`;
  return `${where}${path} ${problem.message}. Fix: ${problem.fix}`;
}
