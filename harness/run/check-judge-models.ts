import { InputError, type InputProblem } from '../core/input-error.ts';
import type { ModelConfig } from '../core/models-schema.ts';
import type { ScorerSpec } from '../core/scorer-spec.ts';
import type { Suite } from '../core/suite.ts';

/** Judge model ids a scorer names, composites included. */
export function judgeModelIds(spec: ScorerSpec): string[] {
  if (spec.type === 'judge') return [...spec.judges];
  if (spec.type === 'weighted') return spec.scorers.flatMap((part) => (part.scorer.type === 'judge' ? [...part.scorer.judges] : []));
  return [];
}

/** Refuses a run whose judge scorers name models missing from the config, before anything is written. */
export function checkJudgeModels(suites: readonly Suite[], models: readonly ModelConfig[], configFile: string): void {
  const known = new Set(models.map((model) => model.id));
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  for (const suite of suites) {
    // Distinct specs in order of first use: the first task naming a judge is the first of its spec.
    for (const { spec, taskId } of suite.scorers) {
      for (const id of judgeModelIds(spec)) {
        const key = `${suite.file}\u0000${id}`;
        if (known.has(id) || reported.has(key)) continue;
        reported.add(key);
        problems.push({
          file: suite.file,
          path: `tasks[${taskId}].scorer`,
          message: `judge model \`${id}\` is not in the models config ${configFile}`,
          fix: `add \`${id}\` to the config, or name one of: ${[...known].join(', ')}`,
        });
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}
