import type { LoadedConfig } from '../config/load-config.ts';
import { InputError } from '../core/input-error.ts';

/**
 * A cost cap needs a price for every model: an unpriced model's attempts could not be
 * estimated, so the cap could not be kept. Checked before anything is called or written.
 */
export function checkPricedModels(config: LoadedConfig): void {
  const problems = config.config.models.flatMap((model, index) =>
    model.price !== undefined
      ? []
      : [{ file: config.file, path: `models[${index}].price`, message: `model \`${model.id}\` has no price, so --max-cost cannot bound its spending`, fix: 'add `price: { input, output }` (USD per 1M tokens) to the model, or run without --max-cost' }],
  );
  if (problems.length > 0) throw new InputError(problems);
}
