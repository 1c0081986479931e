import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/input-error.ts';
import { createTempDir } from '../../test/helpers/temp-dir.ts';
import { writeSimConfig, writeTinySuite } from '../../test/helpers/tiny-run.ts';
import { openStore } from '../store/open-store.ts';
import { readRun } from '../store/read-run.ts';
import { estimateAttemptTokens, estimateCostUsd } from './estimate-attempt-cost.ts';
import { executeRun } from './execute-run.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

const concurrency = 8;
const price = { input: 3, output: 15 };
// Verbose models use most of max_tokens, so reservations and real costs are close: the hardest case for the cap.
const model = (id: string, verbosity: number) => `{ id: ${id}, provider: sim, model: ${id}, price: { input: ${price.input}, output: ${price.output} }, limits: { concurrency: ${concurrency} }, sim: { skill: { default: 0.7 }, verbosity: ${verbosity}, latency: { ttft_ms: 5, tokens_per_s: 4000, jitter: 0.5 } } }`;

async function storedCost(dbPath: string, runId: string): Promise<{ spent: number; count: number; costs: number[] }> {
  const store = await openStore(dbPath);
  try {
    const rows = (await store.connection.runAndReadAll(`SELECT coalesce(cost_usd, 0) AS cost FROM attempts WHERE run_id = '${runId}'`)).getRowObjectsJS();
    const costs = rows.map((row) => Number(row.cost));
    return { spent: costs.reduce((sum, cost) => sum + cost, 0), count: costs.length, costs };
  } finally {
    store.close();
  }
}

describe('--max-cost', () => {
  const { suite } = writeTinySuite(dir, 200);
  const config = writeSimConfig(dir, [model('terse', 1), model('wordy', 8)]);
  const estimates = [...suite.tasks].map((task) => {
    const tokens = estimateAttemptTokens(task, suite.generation.max_tokens);
    return estimateCostUsd(price, tokens.prompt, tokens.maxOutput);
  });
  const largestEstimate = Math.max(...estimates);
  // At most this many attempts are in flight at once (every model's concurrency).
  const inFlightBound = 2 * concurrency * largestEstimate;

  it.each([0.004, 0.02, 0.05])('never spends more than the cap plus the in-flight estimates (cap $%s), then stops the run', async (cap) => {
    const dbPath = dir.path(`cap-${cap}`, 'baton.duckdb');
    const outcome = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, simTimeScale: 1, maxCostUsd: cap });
    const stored = await storedCost(dbPath, outcome.runId);
    expect(outcome.status).toBe('budget_stopped');
    expect(stored.count).toBeLessThan(outcome.planned);
    expect(stored.count).toBeGreaterThan(0);
    expect(stored.spent).toBeCloseTo(outcome.spentUsd ?? -1, 9);
    // The promised bound, and the tighter one reservations give: every estimate is an upper bound.
    expect(stored.spent).toBeLessThanOrEqual(cap + inFlightBound);
    expect(stored.spent).toBeLessThanOrEqual(cap + 1e-12);
    expect(Math.max(...stored.costs)).toBeLessThanOrEqual(largestEstimate);
    // It stopped only when the next attempt could not fit.
    expect(stored.spent).toBeGreaterThan(cap - largestEstimate);
    const store = await openStore(dbPath);
    expect((await readRun(store, outcome.runId))?.status).toBe('budget_stopped');
    store.close();
  });

  it('resumes a budget-stopped run under a higher cap that counts what was already spent', async () => {
    const dbPath = dir.path('resume', 'baton.duckdb');
    const first = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, simTimeScale: 0, maxCostUsd: 0.01 });
    const before = await storedCost(dbPath, first.runId);
    const second = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, simTimeScale: 0, maxCostUsd: 0.03, resumeRunId: first.runId });
    const after = await storedCost(dbPath, first.runId);
    expect(second.status).toBe('budget_stopped');
    expect(after.count).toBeGreaterThan(before.count);
    expect(after.spent).toBeLessThanOrEqual(0.03 + 1e-12);
    expect(second.spentUsd).toBeCloseTo(after.spent, 9);
    const done = await executeRun({ suitePaths: [suite.file], suites: [suite], config, dbPath, simTimeScale: 0, maxCostUsd: 100, resumeRunId: first.runId });
    expect(done.status).toBe('completed');
    expect((await storedCost(dbPath, first.runId)).count).toBe(done.planned);
  });

  it('refuses an unpriced model before opening the database', async () => {
    const unpriced = writeSimConfig(dir, ['{ id: free, provider: sim, model: not-in-any-table, limits: { concurrency: 2 }, sim: { skill: { default: 0.5 } } }']);
    const dbPath = dir.path('unpriced', 'baton.duckdb');
    await expect(executeRun({ suitePaths: [suite.file], suites: [suite], config: unpriced, dbPath, simTimeScale: 0, maxCostUsd: 1 })).rejects.toThrow(InputError);
    expect(existsSync(dbPath)).toBe(false);
  });
});
