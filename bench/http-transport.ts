// The HTTP transport of the openai adapter: CPU time per streamed call through the official SDK
// with the built-in fetch (undici) and with baton's node:http transport, in one process so the
// two are comparable. sim-serve runs in a process of its own (its CPU is reported apart).
// Not part of npm test. Run: npx tsx bench/http-transport.ts [--requests 2000 --concurrency 16 --rounds 3 --stream true]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Provider, ProviderRequest } from '../harness/core/provider-contract.ts';
import { ModelConfigSchema } from '../harness/core/models-schema.ts';
import { createProvider } from '../harness/providers/create-provider.ts';
import type { HttpTransport } from '../harness/providers/resolve-http-transport.ts';
import { createSimOracle } from '../harness/sim/sim-oracle.ts';
import { createBenchWorkspace } from './bench-workspace.ts';
import { prepareHttpWorkload } from './http-workload.ts';
import { startSimServeProcess } from './sim-serve-process.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    stream: { type: 'string', default: 'true' },
    provider: { type: 'string', default: 'openai' },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const stream = values.stream !== 'false';
const kind = values.provider as 'openai' | 'anthropic' | 'google';
const tasks = 1000;

/** The provider a `baton run` would build for fleet model m0, on the given transport. */
function buildProvider(url: string, transport: HttpTransport): Provider {
  const model = ModelConfigSchema.parse({
    id: `m0-${transport}`, provider: kind, model: 'm0', base_url: kind === 'openai' ? `${url}/v1` : url, stream,
    limits: { concurrency }, attributes: { simulated: true },
  });
  const env = { OPENAI_API_KEY: 'bench-key', ANTHROPIC_API_KEY: 'bench-key', GEMINI_API_KEY: 'bench-key', BATON_HTTP_TRANSPORT: transport };
  return createProvider(model, 0, { configFile: 'bench', oracle: createSimOracle([]), simTimeScale: 0, env });
}

function request(index: number): ProviderRequest {
  return {
    model: 'm0', system: undefined, messages: [{ role: 'user', content: `What is ${index % tasks} + 2?` }], maxTokens: 32,
    temperature: 0, topP: undefined, stop: undefined, seed: index, signal: new AbortController().signal,
  };
}

/** `count` calls, `concurrency` at a time; every one must succeed. */
async function drive(provider: Provider, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      const response = await provider.generate(request(index));
      if (response.text === '') throw new Error('empty answer');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

interface Sample {
  readonly transport: HttpTransport;
  readonly cpuMicrosPerRequest: number;
  readonly requestsPerSecond: number;
  readonly serverCpuMicrosPerRequest: number;
}

async function measure(provider: Provider, transport: HttpTransport, serverCpu: () => number): Promise<Sample> {
  const serverBefore = serverCpu();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await drive(provider, requests);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    transport,
    cpuMicrosPerRequest: (cpu.user + cpu.system) / requests,
    requestsPerSecond: requests / seconds,
    serverCpuMicrosPerRequest: ((serverCpu() - serverBefore) * 1e6) / requests,
  };
}

const median = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;
const round = (value: number) => Math.round(value * 10) / 10;

const workspace = createBenchWorkspace('http-transport');
const { suite, fleet } = prepareHttpWorkload(workspace, tasks);
const server = await startSimServeProcess(fleet, suite);
const samples: Sample[] = [];
try {
  const providers = { fetch: buildProvider(server.url, 'fetch'), node: buildProvider(server.url, 'node') };
  // Warm-up: SDK loaded, JIT warm, connections open.
  for (const provider of Object.values(providers)) await drive(provider, Math.min(500, requests));
  for (let index = 0; index < Number(values.rounds); index += 1) {
    // Alternating order, so that neither transport always runs on a warmer or colder machine.
    const order: HttpTransport[] = index % 2 === 0 ? ['fetch', 'node'] : ['node', 'fetch'];
    for (const transport of order) {
      const sample = await measure(providers[transport], transport, server.cpuSeconds);
      samples.push(sample);
      console.log(JSON.stringify({ round: index, ...sample, cpuMicrosPerRequest: round(sample.cpuMicrosPerRequest), requestsPerSecond: round(sample.requestsPerSecond), serverCpuMicrosPerRequest: round(sample.serverCpuMicrosPerRequest) }));
    }
  }
} finally {
  server.stop();
  workspace.remove();
}
const summary = (transport: HttpTransport) => {
  const own = samples.filter((sample) => sample.transport === transport);
  return { cpuMicrosPerRequest: round(median(own.map((sample) => sample.cpuMicrosPerRequest))), requestsPerSecond: round(median(own.map((sample) => sample.requestsPerSecond))) };
};
const fetchSummary = summary('fetch');
const nodeSummary = summary('node');
// Each round ran both transports back to back: the ratio within a round is the steadier figure.
const roundRatios = Array.from({ length: Number(values.rounds) }, (_, index) => {
  const [first, second] = samples.slice(index * 2, index * 2 + 2);
  const node = first?.transport === 'node' ? first : second;
  const fetch = first?.transport === 'fetch' ? first : second;
  return Math.round(((node?.cpuMicrosPerRequest ?? Number.NaN) / (fetch?.cpuMicrosPerRequest ?? Number.NaN)) * 1000) / 1000;
});
console.log(JSON.stringify({
  provider: kind, stream, requests, concurrency, rounds: Number(values.rounds), cores: cpus().length, nodeVersion: process.version, loadavg: loadavg().map(round),
  fetch: fetchSummary, node: nodeSummary, cpuRatioOfMedians: Math.round((nodeSummary.cpuMicrosPerRequest / fetchSummary.cpuMicrosPerRequest) * 1000) / 1000,
  cpuRatioPerRound: roundRatios, cpuRatioMedian: median(roundRatios),
}));
