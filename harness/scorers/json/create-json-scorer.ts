import type { z } from 'zod';
import type { JsonScorerSchema } from '../../core/answer-scorer-specs.ts';
import { clipText } from '../clip-text.ts';
import type { Scorer } from '../scorer.ts';
import { failedScore } from '../score-values.ts';
import { jsonValuesEqual, leafPaths, valueAt } from './compare-json-fields.ts';
import { compileJsonSchema } from './compile-json-schema.ts';
import { extractJson } from './extract-json.ts';

/**
 * `json`: the completion must hold JSON (bare, fenced or in prose) and satisfy the schema when one
 * is given. With an expected value, the fields (the spec's `fields`, else every leaf of `expected`)
 * are compared: score = share that match; passes at `pass_threshold`. Without one, valid JSON passes.
 */
export function createJsonScorer(spec: z.infer<typeof JsonScorerSchema>): Scorer {
  const check = spec.schema === undefined ? undefined : compileJsonSchema(spec.schema);
  const comparison = { normalize: spec.normalize, absTol: spec.abs_tol };
  return (task, completion) => {
    const found = extractJson(completion);
    if (found === undefined) return failedScore('no JSON found in the answer');
    const extracted = JSON.stringify(found.value);
    const problem = check?.(found.value);
    if (problem !== undefined) return { value: 0, passed: false, extracted, explanation: `invalid against the schema: ${clipText(problem)}` };
    if (task.expected === undefined || task.expected === null) {
      return { value: 1, passed: true, extracted, explanation: `valid JSON (${found.how})${check === undefined ? '' : ' matching the schema'}` };
    }
    const fields = spec.fields ?? leafPaths(task.expected);
    if (fields.length === 0) {
      const passed = jsonValuesEqual(found.value, task.expected, comparison);
      return { value: passed ? 1 : 0, passed, extracted, explanation: passed ? 'equals the expected value' : 'differs from the expected value' };
    }
    const wrong = fields.filter((field) => !jsonValuesEqual(valueAt(found.value, field), valueAt(task.expected, field), comparison));
    const value = (fields.length - wrong.length) / fields.length;
    const passed = value >= spec.pass_threshold;
    const explanation = wrong.length === 0 ? `all ${fields.length} fields match` : `${fields.length - wrong.length}/${fields.length} fields match; wrong: ${clipText(wrong.join(', '), 60)}`;
    return { value, passed, extracted, explanation };
  };
}
