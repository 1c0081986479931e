import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CheckSpec } from '../core/check-spec.ts';
import type { InputProblem } from '../core/input-error.ts';
import type { ScorerSpec } from '../core/scorer-spec.ts';
import { toError } from '../core/to-error.ts';
import { compileJsonSchema } from '../scorers/json/compile-json-schema.ts';
import type { UsedScorer } from './check-task-inputs.ts';

/**
 * What a suite's scorers and check need beyond their own fields: the `custom` modules they name
 * (relative to the suite file) must exist, and their JSON Schemas must compile. Checked once per
 * distinct spec (`scorers`: each with the first task that uses it, in task order), so a bad
 * default is reported once, not once per task.
 */
export function checkScorerResources(suiteFile: string, scorers: readonly UsedScorer[], check: CheckSpec | undefined): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const visit = (spec: ScorerSpec, task: Pick<UsedScorer, 'taskId' | 'source'>) => {
    const key = JSON.stringify(spec);
    if (seen.has(key)) return;
    seen.add(key);
    const at = { file: task.source.file, ...(task.source.line === undefined ? {} : { line: task.source.line }), path: `tasks[${task.taskId}].scorer` };
    if (spec.type === 'weighted') spec.scorers.forEach((part) => visit(part.scorer, task));
    if (spec.type === 'custom' && !existsSync(resolve(dirname(suiteFile), spec.module))) {
      problems.push({ ...at, message: `custom scorer module \`${spec.module}\` not found`, fix: `check the path; it is relative to the suite file (${resolve(dirname(suiteFile), spec.module)})` });
    }
    if (spec.type === 'json' && spec.schema !== undefined) {
      const error = schemaError(spec.schema);
      if (error !== undefined) problems.push({ ...at, message: `invalid JSON Schema: ${error}`, fix: 'correct the schema (ajv reads draft-07, 2019-09 and 2020-12)' });
    }
  };
  for (const used of scorers) visit(used.spec, used);
  if (check?.type === 'json' && check.schema !== undefined) {
    const error = schemaError(check.schema);
    if (error !== undefined) problems.push({ file: suiteFile, path: 'check.schema', message: `invalid JSON Schema: ${error}`, fix: 'correct the schema (ajv reads draft-07, 2019-09 and 2020-12)' });
  }
  return problems;
}

function schemaError(schema: Readonly<Record<string, unknown>>): string | undefined {
  try {
    compileJsonSchema(schema);
    return undefined;
  } catch (error) {
    return toError(error).message;
  }
}
