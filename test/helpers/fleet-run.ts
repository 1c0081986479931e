import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadConfig, type LoadedConfig } from '../../harness/config/load-config.ts';
import type { Suite } from '../../harness/core/suite.ts';
import { loadSuite } from '../../harness/suites/load-suite.ts';
import type { createTempDir } from './temp-dir.ts';

const fleetFile = fileURLToPath(new URL('../../baton.config.yaml', import.meta.url));

/** The bundled simulated fleet as a config: its skills and prices, without rate limits, faults or slow retries, so a large run takes seconds. */
export function writeFastFleet(dir: ReturnType<typeof createTempDir>): LoadedConfig {
  const fleet = parse(readFileSync(fleetFile, 'utf8')) as { models: Record<string, unknown>[] };
  const models = fleet.models.map((model) => ({ ...model, limits: { concurrency: 64 }, sim: { ...(model.sim as Record<string, unknown>), faults: {} } }));
  return loadConfig(dir.write('fleet.yaml', stringify({ seed: 11, retry: { max_retries: 2, base_delay_ms: 1, max_delay_ms: 2 }, models })));
}

/** The fleet's true skill of `model` in `category` (the simulator's ground truth). */
export function fleetSkill(config: LoadedConfig, model: string, category: string): number {
  const skill = config.config.models.find((entry) => entry.id === model)?.sim?.skill;
  return skill?.[category] ?? skill?.default ?? 0;
}

/** A suite of `perCategory` one-label tasks in each of `categories`, some tagged `pii`. */
export function writeCategorySuite(dir: ReturnType<typeof createTempDir>, categories: readonly string[], perCategory: number): Suite {
  const tasks = categories.flatMap((category) =>
    Array.from({ length: perCategory }, (_, i) => `  - { id: ${category}-${i}, category: ${category}, tags: [${i % 10 === 0 ? 'pii' : ''}], vars: { c: ${category}, n: ${i} }, expected: label-${i % 4} }`),
  );
  const file = dir.write('categories.yaml', ['suite: categories', 'version: 1', 'prompt: "Item {{n}} of {{c}}: which label?"', 'defaults:', '  scorer: { type: exact }', '  generation: { max_tokens: 8 }', 'tasks:', ...tasks, ''].join('\n'));
  return loadSuite(file);
}
