import type { CheckSpec } from '../core/check-spec.ts';
import { resolveChoiceOptions } from '../scorers/choice/choice-options.ts';
import { extractChoice } from '../scorers/choice/extract-choice.ts';
import { compileJsonSchema } from '../scorers/json/compile-json-schema.ts';
import { extractJson } from '../scorers/json/extract-json.ts';
import { extractFinalNumber } from '../scorers/numeric/extract-final-number.ts';
import type { Check } from './check.ts';

type Factories = { [Type in CheckSpec['type']]: (spec: Extract<CheckSpec, { type: Type }>) => Check };

/**
 * One entry per check type (the compiler refuses a missing one). Checks reuse the scorers'
 * extraction, so "the check passed" means "the scorer will find an answer to judge".
 */
const factories: Factories = {
  json: (spec) => {
    const validate = spec.schema === undefined ? undefined : compileJsonSchema(spec.schema);
    return (_task, completion) => {
      const found = extractJson(completion);
      return found !== undefined && validate?.(found.value) === undefined;
    };
  },
  regex: (spec) => {
    const pattern = new RegExp(spec.pattern, spec.flags);
    return (_task, completion) => pattern.test(completion);
  },
  choice: (spec) => (task, completion) => extractChoice(completion, resolveChoiceOptions(spec.choices, task.vars[spec.choices_var])) !== undefined,
  numeric: () => (_task, completion) => extractFinalNumber(completion) !== undefined,
  contains: (spec) => {
    const values = spec.values.map((value) => value.toLowerCase());
    return (_task, completion) => {
      const text = completion.toLowerCase();
      return spec.mode === 'any' ? values.some((value) => text.includes(value)) : values.every((value) => text.includes(value));
    };
  },
  length: (spec) => (_task, completion) => {
    const length = completion.trim().length;
    return length >= spec.min && (spec.max === undefined || length <= spec.max);
  },
};

/** Builds the check a suite names. */
export function createCheck(spec: CheckSpec): Check {
  const factory = factories[spec.type] as (spec: CheckSpec) => Check;
  return factory(spec);
}
