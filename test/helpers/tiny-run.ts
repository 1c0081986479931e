import { loadConfig, type LoadedConfig } from '../../harness/config/load-config.ts';
import type { Suite } from '../../harness/core/suite.ts';
import { loadSuite } from '../../harness/suites/load-suite.ts';
import type { createTempDir } from './temp-dir.ts';

/** A suite of `count` one-line arithmetic tasks in two categories, written into `dir`. */
export function writeTinySuite(dir: ReturnType<typeof createTempDir>, count: number, name = 'tiny'): { file: string; suite: Suite } {
  const tasks = Array.from({ length: count }, (_, index) => `  - { id: t${index}, category: ${index % 2 === 0 ? 'even' : 'odd'}, vars: { a: ${index}, b: 2 }, expected: ${index + 2} }`);
  const file = dir.write(`${name}.yaml`, [`suite: ${name}`, 'version: 1', 'prompt: "What is {{a}} + {{b}}?"', 'defaults:', '  scorer: { type: numeric }', '  generation: { max_tokens: 64 }', 'tasks:', ...tasks, ''].join('\n'));
  return { file, suite: loadSuite(file) };
}

/** A models config of simulated models, each line a YAML flow mapping for one model. */
export function writeSimConfig(dir: ReturnType<typeof createTempDir>, models: readonly string[], extra = 'retry: { max_retries: 3, base_delay_ms: 1, max_delay_ms: 5 }'): LoadedConfig {
  const file = dir.write('models.yaml', ['seed: 7', extra, 'models:', ...models.map((model) => `  - ${model}`), ''].join('\n'));
  return loadConfig(file);
}

/** A plain simulated model line for `writeSimConfig`. */
export function simModel(id: string, sim = '{ skill: { default: 0.7 } }', limits = '{ concurrency: 4 }'): string {
  return `{ id: ${id}, provider: sim, model: ${id}, price: { input: 1, output: 2 }, limits: ${limits}, timeout_ms: 2000, sim: ${sim} }`;
}
