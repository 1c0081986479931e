import type { InputProblem } from '../core/input-error.ts';
import type { Config } from '../core/models-schema.ts';
import type { ParsedDocument } from '../input/parse-document.ts';

/** Rules across fields that zod's shape cannot say: unique ids, sim blocks, base URLs. */
export function checkModels(config: Config, doc: Pick<ParsedDocument, 'file' | 'locate'>): InputProblem[] {
  const problems: InputProblem[] = [];
  const firstIndex = new Map<string, number>();
  config.models.forEach((model, index) => {
    const at = (field: string) => ({ file: doc.file, ...doc.locate(['models', index, field]), path: `models[${index}].${field}` });
    const first = firstIndex.get(model.id);
    if (first !== undefined) problems.push({ ...at('id'), message: `duplicate model id \`${model.id}\` (also models[${first}])`, fix: 'give every model its own id' });
    else firstIndex.set(model.id, index);
    if (model.provider === 'sim' && model.sim === undefined) {
      problems.push({ ...at('provider'), message: 'a `sim` model needs a `sim` block (skill, latency, faults)', fix: 'add `sim: { skill: { default: 0.7 } }` or copy a model from baton.config.yaml' });
    }
    if (model.provider !== 'sim' && model.sim !== undefined) {
      problems.push({ ...at('sim'), message: `\`sim\` applies only to \`provider: sim\`, not \`${model.provider}\``, fix: 'remove the `sim` block or set `provider: sim`' });
    }
    if (model.provider === 'openai-compatible' && model.base_url === undefined) {
      problems.push({ ...at('provider'), message: '`openai-compatible` needs `base_url`', fix: 'add the server URL, e.g. `base_url: http://localhost:11434/v1`' });
    }
  });
  return problems;
}
