import { InputError, type InputProblem } from '../../harness/core/input-error.ts';

/** Runs `load` and returns the problems of the InputError it must throw. */
export function catchProblems(load: () => unknown): readonly InputProblem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError, but loading succeeded');
}
