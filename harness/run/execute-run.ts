import type { AttemptRecord, AttemptStatus } from '../core/attempt.ts';
import type { ScorerSpec } from '../core/scorer-spec.ts';
import { createProvider } from '../providers/create-provider.ts';
import { createConnectionLane, type ConnectionLane } from '../scheduler/connection-lane.ts';
import { createScorer } from '../scorers/create-scorer.ts';
import type { Scorer } from '../scorers/scorer.ts';
import { createRandom, hash32 } from '../sim/hash-random.ts';
import { createSimOracle } from '../sim/sim-oracle.ts';
import { createAttemptWriter, type AttemptWriter } from '../store/attempt-writer.ts';
import { openStore } from '../store/open-store.ts';
import { attemptKeyString } from '../store/read-done-keys.ts';
import { setRunStatus } from '../store/write-run.ts';
import { executeAttempt, type AttemptContext } from './execute-attempt.ts';
import { openRun, type OpenedRun } from './open-run.ts';
import { planAttempts } from './plan-attempts.ts';
import type { RunOptions, RunOutcome } from './run-options.ts';
import { toError } from '../core/to-error.ts';

/**
 * Runs every task of every suite against every model, each model on its own connection lane
 * (concurrency, rpm, tpm), storing every attempt. Returns data and emits events; never draws.
 * Bad input was rejected before this point, so nothing here writes a partial run on bad input.
 */
export async function executeRun(options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const { config } = options;
  const oracle = createSimOracle(options.suites.flatMap((suite) => suite.tasks));
  const context = { configFile: config.file, oracle, simTimeScale: options.simTimeScale ?? 1 };
  const build = options.createProvider ?? createProvider;
  const providers = config.config.models.map((model, index) => build(model, index, context));
  const store = await openStore(options.dbPath);
  const executed: Record<AttemptStatus, number> = { ok: 0, error: 0, timeout: 0, skipped: 0 };
  let opened: OpenedRun | undefined;
  let writer: AttemptWriter | undefined;
  try {
    opened = await openRun(store, options, providers);
    options.onEvent?.({ type: 'started', runId: opened.runId, planned: opened.planned, alreadyDone: opened.done.size, resumed: opened.resumed });
    writer = await createAttemptWriter(store);
    const hardStop = new AbortController();
    const signal = options.abortSignal === undefined ? hardStop.signal : AbortSignal.any([options.abortSignal, hardStop.signal]);
    const lanes = new Map<string, ConnectionLane>();
    const scorers = new Map<string, Scorer>();
    const record = (attempt: AttemptRecord) => {
      writer?.add(attempt);
      executed[attempt.status] += 1;
      options.onEvent?.({ type: 'attempt', record: attempt });
    };
    await Promise.all(
      config.config.models.map((model, index) => {
        const provider = providers[index];
        if (provider === undefined) return Promise.resolve();
        const lane = lanes.get(provider.connectionKey) ?? createConnectionLane(provider.connectionKey, model.limits);
        lanes.set(provider.connectionKey, lane);
        const base = { runId: opened?.runId ?? '', runSeed: config.config.seed, model, provider, lane, retry: config.config.retry, random: createRandom(hash32(config.config.seed, model.id)), signal };
        return runModel(options, opened as OpenedRun, base, (spec) => scorerFor(scorers, spec), record, hardStop);
      }),
    );
    writer.close();
    writer = undefined;
    const status = options.stopSignal?.aborted || options.abortSignal?.aborted ? 'interrupted' : 'completed';
    await setRunStatus(store, opened.runId, status);
    options.onEvent?.({ type: 'finished', runId: opened.runId });
    return { runId: opened.runId, status, simulated: providers.some((provider) => provider.simulated), planned: opened.planned, alreadyDone: opened.done.size, executed, durationMs: performance.now() - started };
  } catch (error) {
    try {
      writer?.close();
      if (opened !== undefined) await setRunStatus(store, opened.runId, 'failed');
    } catch {
      // The original error matters more than a failure to record it.
    }
    throw error;
  } finally {
    store.close();
  }
}

type LaneContext = Omit<AttemptContext, 'generation' | 'scorer'>;

/** One model's share of the plan, with at most twice its concurrency scheduled ahead. */
async function runModel(
  options: RunOptions,
  opened: OpenedRun,
  base: LaneContext,
  scorerFor: (spec: ScorerSpec) => Scorer,
  record: (attempt: AttemptRecord) => void,
  hardStop: AbortController,
): Promise<void> {
  const window = base.model.limits.concurrency * 2;
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown;
  for (const suite of options.suites) {
    for (const { task, repeat } of planAttempts([suite], options.repeats)) {
      if (options.stopSignal?.aborted || base.signal.aborted || fatal !== undefined) break;
      if (opened.done.has(attemptKeyString(task.suiteId, task.id, base.model.id, repeat))) continue;
      if (inFlight.size >= window) await Promise.race(inFlight);
      const context: AttemptContext = { ...base, generation: suite.generation, scorer: scorerFor(task.scorer) };
      const promise: Promise<void> = executeAttempt(context, task, repeat)
        .then((attempt) => {
          if (attempt !== undefined) record(attempt);
        })
        .catch((error: unknown) => {
          fatal ??= error;
          hardStop.abort(error);
        })
        .finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    }
  }
  await Promise.all(inFlight);
  if (fatal !== undefined) throw toError(fatal);
}

function scorerFor(cache: Map<string, Scorer>, spec: ScorerSpec): Scorer {
  const key = JSON.stringify(spec);
  let scorer = cache.get(key);
  if (scorer === undefined) {
    scorer = createScorer(spec);
    cache.set(key, scorer);
  }
  return scorer;
}
