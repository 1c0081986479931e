import { loadConfig, type LoadedConfig } from '../config/load-config.ts';
import { InputError, type InputProblem } from '../core/input-error.ts';
import type { Suite } from '../core/suite.ts';
import { loadSuites } from '../suites/load-suites.ts';

/**
 * Loads and validates everything a run reads before it touches the database: the suites and
 * the models config. Problems in both are reported together, so one fix-and-retry cycle
 * covers them all.
 */
export function loadRunInputs(suitePaths: readonly string[], configPath: string): { suites: Suite[]; config: LoadedConfig } {
  const problems: InputProblem[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const suites = attempt(() => loadSuites(suitePaths));
  const config = attempt(() => loadConfig(configPath));
  if (suites === undefined || config === undefined) throw new InputError(problems);
  return { suites, config };
}
