import { loadConfig } from '../harness/config/load-config.ts';
import { executeRun } from '../harness/run/execute-run.ts';
import { createSimOracle } from '../harness/sim/sim-oracle.ts';
import { startSimServer } from '../harness/sim-serve/start-sim-server.ts';
import { createSimFleet } from '../harness/sim-serve/sim-fleet.ts';
import { loadSuite } from '../harness/suites/load-suite.ts';
import { createBenchWorkspace, writeArithmeticSuite } from './bench-workspace.ts';

/** What workload d measured for one setting. */
export interface FidelityResult {
  readonly configured: boolean;
  /** Successful requests the server received in the busiest 30-second window, as a share of its limit. */
  readonly shareOfLimit: number;
  readonly rateLimited: number;
  readonly attempts: number;
  readonly completed: number;
}

const serverRpm = 1200;
const serverTpm = 60_000;
const windowSeconds = 30;

/**
 * Workload d: sim-serve limits one model to 1,200 requests/min and 60,000 tokens/min. With
 * those limits configured baton should pace itself just under them with no 429; without them it
 * has only the server's 429s to go by: their Retry-After and `x-ratelimit-*` headers (OpenAI and
 * Anthropic wire formats), or Retry-After alone (`provider: 'google'`, whose 429s carry no limits).
 */
export async function benchRateLimitFidelity(configured: boolean, tasks = 900, provider: 'openai' | 'anthropic' | 'google' = 'openai'): Promise<FidelityResult> {
  const workspace = createBenchWorkspace(`fidelity-${String(configured)}`);
  try {
    const suite = loadSuite(writeArithmeticSuite(workspace, tasks));
    const limits = `{ rpm: ${serverRpm}, tpm: ${serverTpm}, concurrency: 64 }`;
    const fleet = loadConfig(workspace.write('fleet.yaml', `models:\n  - { id: limited, provider: sim, model: limited, limits: ${limits}, sim: { skill: { default: 0.7 }, latency: { ttft_ms: 0, tokens_per_s: 1000000, jitter: 0 } } }\n`));
    const server = await startSimServer({ fleet: createSimFleet(fleet.config), oracle: createSimOracle(suite.tasks), timeScale: 1, keepRecord: true });
    try {
      const clientLimits = configured ? limits : '{ concurrency: 64 }';
      const baseUrl = provider === 'openai' ? `${server.url}/v1` : server.url;
      const config = loadConfig(workspace.write('client.yaml', `retry: { max_retries: 10, base_delay_ms: 100, max_delay_ms: 5000 }\nmodels:\n  - { id: limited, provider: ${provider}, model: limited, base_url: "${baseUrl}", limits: ${clientLimits}, attributes: { simulated: true } }\n`));
      const env = { OPENAI_API_KEY: 'bench-key', ANTHROPIC_API_KEY: 'bench-key', GEMINI_API_KEY: 'bench-key' };
      const outcome = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath: workspace.path('baton.duckdb'), env });
      // Arrival times at the server: what its limiter sees (attempts' own start times include queueing).
      const served = server.served().filter((entry) => entry.outcome === 'ok').map((entry) => entry.receivedAt).sort((a, b) => a - b);
      return {
        configured,
        shareOfLimit: busiestWindow(served, windowSeconds * 1000) / ((serverRpm / 60) * windowSeconds),
        rateLimited: server.outcomes().rate_limited ?? 0,
        attempts: tasks,
        completed: outcome.executed.ok,
      };
    } finally {
      await server.close();
    }
  } finally {
    workspace.remove();
  }
}

/** Most starts in any window of `ms`, over sorted start times. */
function busiestWindow(sorted: readonly number[], ms: number): number {
  let best = 0;
  let left = 0;
  for (let right = 0; right < sorted.length; right += 1) {
    while ((sorted[right] ?? 0) - (sorted[left] ?? 0) >= ms) left += 1;
    best = Math.max(best, right - left + 1);
  }
  return best;
}
