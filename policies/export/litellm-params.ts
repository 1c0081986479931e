import type { PolicyModel } from '../../harness/core/policy-schema.ts';

/** LiteLLM's provider prefix and the environment variable holding the key, per baton provider. */
const providers: Record<string, { prefix: string; key?: string }> = {
  openai: { prefix: 'openai', key: 'OPENAI_API_KEY' },
  anthropic: { prefix: 'anthropic', key: 'ANTHROPIC_API_KEY' },
  google: { prefix: 'gemini', key: 'GEMINI_API_KEY' },
  'openai-compatible': { prefix: 'openai' },
  sim: { prefix: 'openai' },
};

/**
 * A deployment's `litellm_params`: the model as `<provider>/<model>`, the key by environment
 * variable name (LiteLLM's `os.environ/NAME`; keys never appear in a policy or an export), the
 * base URL by variable for servers baton does not record (`<ID>_API_BASE`; simulated models point
 * at `baton sim-serve` on its default address), and the price per token.
 */
export function litellmParams(model: PolicyModel): Record<string, string | number> {
  const provider = providers[model.provider] ?? { prefix: model.provider };
  const params: Record<string, string | number> = { model: `${provider.prefix}/${model.model}` };
  if (provider.key !== undefined) params.api_key = `os.environ/${provider.key}`;
  if (model.provider === 'openai-compatible') params.api_base = `os.environ/${model.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_BASE`;
  if (model.provider === 'sim') {
    params.api_base = 'http://127.0.0.1:8787/v1';
    params.api_key = 'os.environ/BATON_SIM_API_KEY';
  }
  const input = model.price?.input;
  const output = model.price?.output;
  // Rounded so that 0.4 / 1e6 prints as 4e-7, not 4.0000000000000003e-7.
  if (input !== undefined) params.input_cost_per_token = Number((input / 1e6).toPrecision(12));
  if (output !== undefined) params.output_cost_per_token = Number((output / 1e6).toPrecision(12));
  return params;
}
