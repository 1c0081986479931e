import { fileURLToPath } from 'node:url';
import type { createBenchWorkspace } from './bench-workspace.ts';
import { writeArithmeticSuite } from './bench-workspace.ts';
import { measureCommand, type CommandMeasure } from './measure-command.ts';

const bin = fileURLToPath(new URL('../bin/baton.js', import.meta.url));
type Workspace = ReturnType<typeof createBenchWorkspace>;

/** Workload b: `tasks` tasks x 2 models over HTTP. Writes the suite, the served fleet and the promptfoo config. */
export function prepareHttpWorkload(workspace: Workspace, tasks: number): { suite: string; fleet: string; prompts: string[] } {
  const suite = writeArithmeticSuite(workspace, tasks);
  const fleet = workspace.write('fleet.yaml', ['models:', ...['m0', 'm1'].map((id) => `  - { id: ${id}, provider: sim, model: ${id}, price: { input: 1, output: 2 }, sim: { skill: { default: 0.7 }, latency: { ttft_ms: 0, tokens_per_s: 1000000, jitter: 0 } } }`), ''].join('\n'));
  const prompts = Array.from({ length: tasks }, (_, index) => `What is ${index} + 2?`);
  return { suite, fleet, prompts };
}

/**
 * `baton run` through the official openai SDK against the simulator at `url`: streamed, as baton
 * calls by default (it measures time to first token), or with `stream: false`, one JSON body per
 * call, which is what promptfoo's `openai:chat` provider asks for.
 */
export function runBatonHttp(workspace: Workspace, suite: string, url: string, concurrency: number, label: string, stream = true): Promise<CommandMeasure> {
  const config = workspace.write(`baton-${concurrency}-${String(stream)}.yaml`, ['retry: { max_retries: 4, base_delay_ms: 50, max_delay_ms: 1000 }', 'models:', ...['m0', 'm1'].map((id) => `  - { id: ${id}, provider: openai, model: ${id}, base_url: "${url}/v1", price: { input: 1, output: 2 }, limits: { concurrency: ${concurrency} }, stream: ${String(stream)}, attributes: { simulated: true } }`), ''].join('\n'));
  return measureCommand(process.execPath, [bin, 'run', suite, '--config', config, '--out', workspace.path(`out-${label}`), '--quiet', '--max-error-rate', '1'], { env: { ...process.env, OPENAI_API_KEY: 'bench-key' } });
}

/** The same workload as a promptfoo eval: two `openai:chat` providers, a `contains` assertion, no cache. */
export function runPromptfooHttp(workspace: Workspace, promptfoo: string, prompts: readonly string[], url: string, concurrency: number, label: string): Promise<CommandMeasure> {
  const provider = (id: string) => `  - id: openai:chat:${id}\n    config: { apiBaseUrl: "${url}/v1", apiKey: bench-key, max_tokens: 32, temperature: 0 }`;
  const tests = prompts.map((prompt, index) => `  - vars: { prompt: ${JSON.stringify(prompt)} }\n    assert: [{ type: contains, value: "${index + 2}" }]`);
  const config = workspace.write(`promptfoo-${label}.yaml`, ['prompts: ["{{prompt}}"]', 'providers:', provider('m0'), provider('m1'), 'tests:', ...tests, ''].join('\n'));
  const home = workspace.path(`promptfoo-home-${label}`);
  return measureCommand(promptfoo, ['eval', '-c', config, '--no-cache', '--max-concurrency', String(concurrency), '--no-write', '--no-table', '--no-progress-bar'], {
    cwd: workspace.root,
    env: { ...process.env, PROMPTFOO_CONFIG_DIR: home, PROMPTFOO_DISABLE_TELEMETRY: '1', PROMPTFOO_DISABLE_UPDATE: '1', PROMPTFOO_DISABLE_SHARING: '1', OPENAI_API_KEY: 'bench-key' },
  });
}
