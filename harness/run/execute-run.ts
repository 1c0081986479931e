import type { AttemptRecord, AttemptStatus } from '../core/attempt.ts';
import type { JudgmentRecord } from '../core/judgment.ts';
import type { ModelConfig } from '../core/models-schema.ts';
import type { Provider } from '../core/provider-contract.ts';
import { bundledPriceTable } from '../cost/bundled-prices.ts';
import { createProvider, createProviders } from '../providers/create-provider.ts';
import { createConnectionLane, type ConnectionLane } from '../scheduler/connection-lane.ts';
import { createScoringCache, type ScoringCache } from '../scorers/create-scoring-cache.ts';
import type { Scorer } from '../scorers/scorer.ts';
import type { Task } from '../core/suite.ts';
import { createInFlightOracle, type InFlightOracle } from '../sim/create-in-flight-oracle.ts';
import { createRandom, hash32 } from '../sim/hash-random.ts';
import { createSimSurvey } from '../sim/survey-sim-tasks.ts';
import { createAttemptWriter, type AttemptWriter } from '../store/attempt-writer.ts';
import { createJudgmentWriter, type JudgmentWriter } from '../store/judgment-writer.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { setRunStatus } from '../store/write-run.ts';
import { summarizeRun } from '../store/summarize-run.ts';
import { tuneStoreForRun } from '../store/tune-store-for-run.ts';
import { createBlockCacheRelease } from '../store/block-cache-release.ts';
import { checkJudgeModels } from './check-judge-models.ts';
import { createJudgeClient } from './create-judge-client.ts';
import { createDispatchWindow } from './dispatch-window.ts';
import { createEventLoopYield } from './create-event-loop-yield.ts';
import { executeAttempt, type AttemptContext } from './execute-attempt.ts';
import { openRun, type OpenedRun } from './open-run.ts';
import { planAttempts, type ReadTaskChunk } from './plan-attempts.ts';
import { createChunkCache } from './create-chunk-cache.ts';
import { priceModels } from './price-models.ts';
import type { RunOptions, RunOutcome } from './run-options.ts';
import { toError } from '../core/to-error.ts';
import { selectShard } from './select-shard.ts';
import { observeTaskChunks } from './observe-task-chunks.ts';
import { readRunSpend } from '../store/read-run-spend.ts';
import { checkPricedModels } from './check-priced-models.ts';
import { createBudget, type Budget } from './create-budget.ts';
import { estimateAttemptTokens, estimateCostUsd } from './estimate-attempt-cost.ts';

/**
 * Runs every task of every suite against every model, each model on its own connection lane
 * (concurrency, rpm, tpm), storing every attempt. Returns data and emits events; never draws.
 * Bad input was rejected before this point, so nothing here writes a partial run on bad input.
 */
export async function executeRun(options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const priceTable = options.priceTable ?? bundledPriceTable;
  const priced = priceModels(options.config, priceTable, new Date());
  const config = priced.config;
  const warnings = [...priced.warnings];
  // In-process simulated models know the tasks being attempted. What depends on the others is
  // surveyed over every task, not the shard's (simulated answers must not depend on which tasks
  // share a shard), on the pass that writes the tasks table.
  const simulatedInProcess = config.config.models.some((model) => model.provider === 'sim');
  const oracle = createInFlightOracle();
  const survey = simulatedInProcess ? createSimSurvey() : undefined;
  const unsharded = options.suites;
  const observed = survey === undefined ? undefined : observeTaskChunks(unsharded, (task) => survey.add(task));
  options = { ...options, suites: selectShard(observed?.suites ?? unsharded, options.shard) };
  const context = { configFile: config.file, oracle, simTimeScale: options.simTimeScale ?? 1, env: options.env ?? {}, fetch: options.fetch };
  // Every provider is built (and every key found) before the database is opened: bad input writes nothing.
  const providers = createProviders(config.config.models, context, options.createProvider ?? createProvider);
  checkJudgeModels(options.suites, config.config.models, config.file);
  if (options.maxCostUsd !== undefined) checkPricedModels(config);
  const store = await openWhilePreparing(options.dbPath, providers);
  const executed: Record<AttemptStatus, number> = { ok: 0, error: 0, timeout: 0, skipped: 0 };
  let opened: OpenedRun | undefined;
  let writer: AttemptWriter | undefined;
  let judgmentWriter: JudgmentWriter | undefined;
  // Set once the run's final status is stored: a later failure (reading the summary) must not mark it failed.
  let ended = false;
  try {
    await tuneStoreForRun(store);
    opened = await openRun(store, { ...options, config, priceTable }, providers);
    if (survey !== undefined) {
      observed?.complete();
      oracle.learn(survey.finish(unsharded.map((suite) => suite.tasks)));
    }
    // A resumed run's cap covers what it already spent.
    const budget = options.maxCostUsd === undefined ? undefined : createBudget(options.maxCostUsd, opened.resumed ? await readRunSpend(store, opened.runId) : 0);
    options.onEvent?.({ type: 'started', runId: opened.runId, planned: opened.planned, alreadyDone: opened.done.size, resumed: opened.resumed });
    // Nothing else queries the store while attempts are written, which a cache release needs.
    writer = await createAttemptWriter(store, { afterCommit: await createBlockCacheRelease(store) });
    const hardStop = new AbortController();
    const signal = options.abortSignal === undefined ? hardStop.signal : AbortSignal.any([options.abortSignal, hardStop.signal]);
    const lanes = new Map<string, ConnectionLane>();
    const laneFor = (model: ModelConfig, provider: Provider): ConnectionLane => {
      const lane = lanes.get(provider.connectionKey) ?? createConnectionLane(provider.connectionKey, model.limits);
      lanes.set(provider.connectionKey, lane);
      return lane;
    };
    // Judges are configured models called through their own lanes, so judge calls respect the same limits.
    const scoring = createScoringCache(createJudgeClient({ models: config.config.models, providers, laneFor, retry: config.config.retry, runSeed: config.config.seed, signal }));
    // A couple of chunks per model: models in step read (parse, check) each chunk of tasks once between them.
    const readChunk = createChunkCache(2 * config.config.models.length + 2);
    judgmentWriter = await createJudgmentWriter(store);
    const recordJudgments = (judgments: readonly JudgmentRecord[]) =>
      judgments.forEach((judgment) => {
        judgmentWriter?.add(judgment);
        budget?.addSpent(judgment.costUsd ?? 0);
      });
    const warned = new Set<string>();
    const warnFor = (modelId: string) => (message: string) => {
      const warning = `model \`${modelId}\`: ${message}`;
      if (!warned.has(warning)) warnings.push(warning);
      warned.add(warning);
    };
    const record = (attempt: AttemptRecord) => {
      writer?.add(attempt);
      executed[attempt.status] += 1;
      options.onEvent?.({ type: 'attempt', record: attempt });
    };
    await Promise.all(
      config.config.models.map((model, index) => {
        const provider = providers[index];
        if (provider === undefined) return Promise.resolve();
        const lane = laneFor(model, provider);
        const base = { runId: opened?.runId ?? '', runSeed: config.config.seed, model, provider, lane, retry: config.config.retry, random: createRandom(hash32(config.config.seed, model.id)), signal, warn: warnFor(model.id), onJudgments: recordJudgments };
        return runModel(options, opened as OpenedRun, base, { scoring, readChunk, oracle: simulatedInProcess ? oracle : undefined }, record, hardStop, budget);
      }),
    );
    writer.close();
    writer = undefined;
    judgmentWriter.close();
    judgmentWriter = undefined;
    const status = options.stopSignal?.aborted || options.abortSignal?.aborted ? 'interrupted' : budget?.stopped === true ? 'budget_stopped' : 'completed';
    await setRunStatus(store, opened.runId, status);
    ended = true;
    const models = options.summarize === true ? await summarizeRun(store, opened.runId) : undefined;
    options.onEvent?.({ type: 'finished', runId: opened.runId });
    return { runId: opened.runId, status, spentUsd: budget?.spentUsd, simulated: providers.some((provider) => provider.simulated), planned: opened.planned, alreadyDone: opened.done.size, executed, durationMs: performance.now() - started, warnings, models };
  } catch (error) {
    try {
      writer?.close();
      judgmentWriter?.close();
      if (opened !== undefined && !ended) await setRunStatus(store, opened.runId, 'failed');
    } catch {
      // The original error matters more than a failure to record it.
    }
    throw error;
  } finally {
    store.close();
  }
}

/**
 * Opens the store while the providers load their SDKs: DuckDB opens on its own threads, the SDKs
 * load on this one, so neither waits for the other (~40 ms of a run's start-up). Input was
 * checked before; a provider that fails to prepare closes the store again.
 */
async function openWhilePreparing(dbPath: string, providers: readonly Provider[]): Promise<Store> {
  const opening = openStore(dbPath);
  try {
    await Promise.all(providers.map((provider) => provider.prepare?.() ?? Promise.resolve()));
  } catch (error) {
    (await opening.catch(() => undefined))?.close();
    throw error;
  }
  return opening;
}

type LaneContext = Omit<AttemptContext, 'generation' | 'scorer' | 'check'>;

/** What the models' lanes share. */
interface SharedContext {
  readonly scoring: ScoringCache;
  /** Reads the plan's chunks of tasks, shared by the models' plans. */
  readonly readChunk: ReadTaskChunk;
  /** Told which tasks are in flight, when models are simulated in process. */
  readonly oracle: InFlightOracle | undefined;
}

/** One model's share of the plan, with at most twice its concurrency scheduled ahead. */
async function runModel(
  options: RunOptions,
  opened: OpenedRun,
  base: LaneContext,
  { scoring, readChunk, oracle }: SharedContext,
  record: (attempt: AttemptRecord) => void,
  hardStop: AbortController,
  budget: Budget | undefined,
): Promise<void> {
  const window = createDispatchWindow(base.model.limits.concurrency * 2);
  const yieldToEventLoop = createEventLoopYield();
  let fatal: unknown;
  // One promise per attempt, settled here: its record stored, its budget reservation settled or returned.
  const runAttempt = async (context: AttemptContext, task: Task, repeat: number, estimate: number): Promise<void> => {
    let settled = false;
    const known = oracle?.register(task);
    try {
      const attempt = await executeAttempt(context, task, repeat);
      if (attempt === undefined) return;
      // Failed calls are not billed (their stored cost is null); an ok call of unknown cost counts at its estimate.
      budget?.settle(estimate, attempt.status === 'ok' ? attempt.costUsd : 0);
      settled = true;
      record(attempt);
    } catch (error) {
      fatal ??= error;
      hardStop.abort(error);
    } finally {
      // Abandoned or crashed attempts stored nothing: their reservation is simply returned.
      if (!settled) budget?.release(estimate);
      if (known !== undefined) oracle?.release(known);
      window.leave();
    }
  };
  try {
    for (const suite of options.suites) {
      // Attempts of one suite with the same scorer share one context.
      const contexts = new Map<Scorer, AttemptContext>();
      for (const { task, repeat } of planAttempts([suite], options.repeats, readChunk)) {
        const turn = yieldToEventLoop();
        if (turn !== undefined) await turn;
        if (options.stopSignal?.aborted || base.signal.aborted || fatal !== undefined || budget?.stopped === true) break;
        if (opened.done.size > 0 && opened.done.has(task.suiteId, task.id, base.model.id, repeat)) continue;
        await window.enter();
        let estimate = 0;
        if (budget !== undefined && base.model.price !== undefined) {
          const tokens = estimateAttemptTokens(task, suite.generation.max_tokens);
          estimate = estimateCostUsd(base.model.price, tokens.prompt, tokens.maxOutput);
        }
        if (budget !== undefined && !(await budget.reserve(estimate))) {
          window.leave();
          break;
        }
        const scorer = scoring.scorerFor(suite, task.scorer);
        let context = contexts.get(scorer);
        if (context === undefined) contexts.set(scorer, (context = { ...base, generation: suite.generation, scorer, check: scoring.checkFor(suite) }));
        void runAttempt(context, task, repeat, estimate);
      }
    }
  } catch (error) {
    // The plan could not be read on (a task file changed under the run): every model stops, as on a crash.
    fatal ??= error;
    hardStop.abort(error);
  }
  await window.drained();
  if (fatal !== undefined) throw toError(fatal);
}
