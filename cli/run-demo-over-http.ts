import type { LoadedConfig } from '../harness/config/load-config.ts';
import type { Suite } from '../harness/core/suite.ts';
import { compareServed } from '../harness/sim-serve/compare-served.ts';
import { createHttpFleet, simKeyVariable } from '../harness/sim-serve/create-http-fleet.ts';
import { createSimFleet } from '../harness/sim-serve/sim-fleet.ts';
import { startSimServer } from '../harness/sim-serve/start-sim-server.ts';
import { createSimOracle } from '../harness/sim/sim-oracle.ts';
import { openStore } from '../harness/store/open-store.ts';
import { exitCodes } from './exit-codes.ts';
import { runAndReport, type RunFlags } from './run-and-report.ts';

/** A placeholder key: sim-serve accepts any, and real providers are never called. */
const demoKey = 'baton-sim-serve-demo-key';

/**
 * The demo through real sockets: starts sim-serve on a free loopback port, maps the fleet onto
 * the four HTTP provider kinds, runs through the official SDKs, then checks that every stored
 * token count and cost equals what the server says it served. The key is passed in the run's
 * environment object, not written into `process.env`.
 */
export async function runDemoOverHttp(suitePaths: readonly string[], suites: readonly Suite[], fleet: LoadedConfig, flags: RunFlags): Promise<number> {
  // The server answers whatever its clients send: it holds every task (the demo's suites are small).
  const oracle = createSimOracle(suites.flatMap((suite) => [...suite.tasks]));
  const server = await startSimServer({ fleet: createSimFleet(fleet.config), oracle, timeScale: flags.simTimeScale });
  try {
    const config = createHttpFleet(fleet, server.url);
    const env = { ...process.env, [simKeyVariable]: process.env[simKeyVariable] ?? demoKey };
    if (!flags.quiet && !flags.json) {
      const kinds = config.config.models.map((model) => `${model.id} → ${model.provider}`).join(', ');
      process.stderr.write(`sim-serve on ${server.url}; ${kinds}\n`);
    }
    return await runAndReport(suitePaths, suites, config, flags, {
      env,
      afterRun: async (outcome, dbPath) => {
        const store = await openStore(dbPath);
        const check = await compareServed(store, outcome.runId, config.config.seed, server.served()).finally(() => store.close());
        const agreed = check.mismatches.length === 0 && check.matched === check.storedOk && check.servedOk === check.storedOk + check.abandoned;
        const requests = Object.entries(server.outcomes()).map(([name, count]) => `${name} ${count}`).join(', ');
        const line = `sim-serve check: ${check.matched} of ${check.storedOk} stored attempts match the ${check.servedOk} responses served${check.abandoned === 0 ? '' : ` (${check.abandoned} delivered after the client gave up, $${check.abandonedCostUsd.toFixed(6)} billed but not stored)`} (requests: ${requests}); tokens stored ${check.storedTokens} / served ${check.servedTokens}, cost stored $${check.storedCostUsd.toFixed(6)} / served $${check.servedCostUsd.toFixed(6)}`;
        if (!flags.quiet) process.stderr.write(`${line}\n`);
        for (const mismatch of check.mismatches) process.stderr.write(`  mismatch: ${mismatch}\n`);
        return agreed ? exitCodes.ok : exitCodes.failures;
      },
    });
  } finally {
    await server.close();
  }
}
