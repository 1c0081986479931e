import type { LoadedConfig } from '../../harness/config/load-config.ts';
import { ConfigSchema, type ModelConfig, type ProviderKind } from '../../harness/core/models-schema.ts';
import type { Provider, ProviderRequest } from '../../harness/core/provider-contract.ts';
import type { Suite, Task, TaskSource } from '../../harness/core/suite.ts';
import { createProvider } from '../../harness/providers/create-provider.ts';
import { createSimFleet } from '../../harness/sim-serve/sim-fleet.ts';
import { startSimServer, type SimServer } from '../../harness/sim-serve/start-sim-server.ts';
import { createSimOracle, type SimOracle } from '../../harness/sim/sim-oracle.ts';
import { loadSuite } from '../../harness/suites/load-suite.ts';
import type { createTempDir } from './temp-dir.ts';

/** The key the fixture's server requires, long enough that a partial echo would be caught. */
export const simTestKey = 'sk-sim-test-7f3a9c1e5b2d4086';
/** The variable fixture providers read it from. */
export const simTestKeyVariable = 'SIM_TEST_KEY';

/** A sim-serve on a free loopback port, a small suite it knows, and providers of every kind pointed at it. */
export interface SimServeFixture {
  readonly server: SimServer;
  readonly oracle: SimOracle;
  /** Its tasks are in memory, an array too (tests pick them by index). */
  readonly suite: Suite & { readonly tasks: TaskSource & readonly Task[] };
  readonly fleet: LoadedConfig;
  /** A model of `kind` that calls fleet model `name` on the server. */
  model(kind: Exclude<ProviderKind, 'sim'>, name: string, overrides?: Partial<ModelConfig>): ModelConfig;
  /** Its provider; `env` defaults to the right key. */
  provider(kind: Exclude<ProviderKind, 'sim'>, name: string, overrides?: Partial<ModelConfig>, env?: Record<string, string>): Provider;
  /** A request to fleet model `name` for `task` with attempt seed `seed`. */
  request(name: string, task: Task, seed: number, overrides?: Partial<ProviderRequest>): ProviderRequest;
  close(): Promise<void>;
}

/**
 * Writes a suite of `tasks` arithmetic tasks (with a system prompt, so prompt caching applies) and
 * a fleet of the given `sim` models (YAML flow mappings), and starts sim-serve with them at time
 * scale 0 by default.
 */
export async function startSimServeFixture(dir: ReturnType<typeof createTempDir>, models: readonly string[], options: { tasks?: number; timeScale?: number } = {}): Promise<SimServeFixture> {
  const count = options.tasks ?? 12;
  const tasks = Array.from({ length: count }, (_, index) => `  - { id: t${index}, category: ${index % 2 === 0 ? 'even' : 'odd'}, vars: { a: ${index}, b: 3 }, expected: ${index + 3} }`);
  const file = dir.write('sim-serve-suite.yaml', [
    'suite: wire', 'version: 1', `system: ${JSON.stringify('You are a careful calculator. Work through the sum, then give the final line as "Answer: <number>".')}`,
    'prompt: "What is {{a}} + {{b}}?"', 'defaults:', '  scorer: { type: numeric }', '  generation: { max_tokens: 128 }', 'tasks:', ...tasks, '',
  ].join('\n'));
  const loaded = loadSuite(file);
  const list = [...loaded.tasks];
  const suite = { ...loaded, tasks: Object.assign(list, { count: list.length, chunkCount: 1, readChunk: () => list }) };
  const oracle = createSimOracle(suite.tasks);
  const config = ConfigSchema.parse({ seed: 3, retry: { max_retries: 2, base_delay_ms: 1, max_delay_ms: 5 }, models: models.map((line) => JSON.parse(line) as unknown) });
  const fleet: LoadedConfig = { file: 'fleet.json', config, hash: 'fixture' };
  const server = await startSimServer({ fleet: createSimFleet(config), oracle, timeScale: options.timeScale ?? 0, apiKey: simTestKey });
  const model = (kind: Exclude<ProviderKind, 'sim'>, name: string, overrides: Partial<ModelConfig> = {}): ModelConfig => ({
    id: `${name}@${kind}`, provider: kind, model: name, base_url: kind === 'openai' || kind === 'openai-compatible' ? `${server.url}/v1` : server.url,
    api_key_env: simTestKeyVariable, limits: { concurrency: 8 }, attributes: { simulated: true }, timeout_ms: 5_000, ...overrides,
  });
  return {
    server, oracle, suite, fleet, model,
    provider: (kind, name, overrides = {}, env = { [simTestKeyVariable]: simTestKey }) => createProvider(model(kind, name, overrides), 0, { configFile: 'test', oracle, simTimeScale: 0, env }),
    request: (name, task, seed, overrides = {}) => ({
      model: name, system: task.system, messages: [{ role: 'user', content: task.prompt }], maxTokens: 128, temperature: 0, topP: undefined, stop: undefined, seed,
      signal: AbortSignal.timeout(10_000), ...overrides,
    }),
    close: () => server.close(),
  };
}

/** A `sim` fleet model as JSON, for {@link startSimServeFixture}. */
export function fleetModel(name: string, sim: object = {}, extra: object = {}): string {
  return JSON.stringify({ id: `sim-${name}`, provider: 'sim', model: name, price: { input: 1, output: 4, cached_input: 0.25 }, limits: { concurrency: 8 }, sim: { skill: { default: 0.8 }, ...sim }, ...extra });
}
