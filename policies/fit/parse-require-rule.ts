import { InputError } from '../../harness/core/input-error.ts';
import type { RequireRule } from '../../harness/core/policy-schema.ts';

const rulePattern = /^(?:\s*(tag|category)\s*:\s*([^\s=>][^=>]*?)\s*=>)?\s*([A-Za-z0-9_.-]+)\s*:\s*(\S(?:.*\S)?)\s*$/;

/**
 * Parses an eligibility rule: `[tag:NAME | category:NAME =>] attribute:value[|value...]`, e.g.
 * `tag:pii => locality:local` (tasks tagged pii only on local models) or `region:eu` (every task
 * on a model whose `region` is `eu`). The attribute is one of the model's `attributes`, or `id`,
 * `provider` or `model`.
 */
export function parseRequireRule(text: string): RequireRule {
  const match = rulePattern.exec(text);
  if (match === null) {
    throw new InputError([{ file: '--require', path: '', message: `Expected \`[tag:NAME | category:NAME =>] attribute:value\`, got \`${text}\``, fix: 'write e.g. --require "tag:pii => locality:local" or --require region:eu' }]);
  }
  const [, kind, name, attribute, values] = match;
  const rule: RequireRule = { text: text.trim(), attribute: attribute ?? '', values: (values ?? '').split('|').map((value) => value.trim()).filter((value) => value !== '') };
  if (kind === 'tag' && name !== undefined) return { ...rule, when: { tag: name.trim() } };
  if (kind === 'category' && name !== undefined) return { ...rule, when: { category: name.trim() } };
  return rule;
}
