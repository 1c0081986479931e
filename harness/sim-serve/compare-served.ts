import { z } from 'zod';
import type { Usage } from '../core/provider-contract.ts';
import { attemptSeed } from '../run/attempt-seed.ts';
import type { Store } from '../store/store.ts';
import type { ServedEntry } from './served-record.ts';

const count = z.union([z.bigint(), z.number()]).nullable().transform((value) => (value === null ? null : Number(value)));
const RowSchema = z.object({
  suite_id: z.string(),
  task_id: z.string(),
  model_id: z.string(),
  model: z.string(),
  repeat_index: z.number(),
  status: z.string(),
  input_tokens: count,
  output_tokens: count,
  cached_input_tokens: count,
  cache_write_tokens: count,
  reasoning_tokens: count,
  cost_usd: z.number().nullable(),
});

/** Stored attempts against what the simulator says it served. */
export interface ServedComparison {
  /** Attempts stored `ok`. */
  readonly storedOk: number;
  /** Responses the server delivered whole, with usage. */
  readonly servedOk: number;
  /** Stored `ok` attempts whose tokens and cost equal the response delivered for them. */
  readonly matched: number;
  /**
   * Responses delivered whole to a call the client had already given up on (its timeout fired as
   * the body arrived): a real provider bills them, but no stored row counts them.
   */
  readonly abandoned: number;
  /** What disagrees, one line each (at most 20). */
  readonly mismatches: readonly string[];
  /** Input + output tokens and cost of the stored `ok` attempts, and of the responses delivered for them. */
  readonly storedTokens: number;
  readonly servedTokens: number;
  readonly storedCostUsd: number;
  readonly servedCostUsd: number;
  /** Cost of the abandoned deliveries: billed, never stored. */
  readonly abandonedCostUsd: number;
}

const fields = ['inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteTokens', 'reasoningTokens'] as const satisfies readonly (keyof Usage)[];

/**
 * Matches every attempt of a run to the responses the simulator delivered for it, by model name
 * and attempt seed, and compares token counts and cost of the `ok` ones. Agreement means usage
 * crossed the wire, the SDKs and the adapters intact, and cost was computed the way the server
 * bills it. A delivered response that no stored attempt asked for is a mismatch.
 */
export async function compareServed(store: Store, runId: string, runSeed: number, served: readonly ServedEntry[]): Promise<ServedComparison> {
  const reader = await store.connection.runAndReadAll(
    `SELECT a.suite_id, a.task_id, a.model_id, m.model, a.repeat_index, a.status, a.input_tokens, a.output_tokens, a.cached_input_tokens,
            a.cache_write_tokens, a.reasoning_tokens, a.cost_usd
       FROM attempts a JOIN run_models m USING (run_id, model_id)
      WHERE a.run_id = $runId`,
    { runId },
  );
  const rows = reader.getRowObjectsJS().map((row) => RowSchema.parse(row));
  const delivered = served.filter((entry) => entry.outcome === 'ok' && entry.usage !== null);
  const byKey = new Map<string, ServedEntry[]>();
  for (const entry of delivered) {
    const key = `${entry.model}\u0000${String(entry.seed)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const mismatches: string[] = [];
  const used: ServedEntry[] = [];
  const unused: ServedEntry[] = [];
  let matched = 0;
  const okRows = rows.filter((row) => row.status === 'ok');
  for (const row of rows) {
    const key = `${row.model}\u0000${attemptSeed(runSeed, row.suite_id, row.task_id, row.repeat_index)}`;
    const entries = byKey.get(key) ?? [];
    byKey.delete(key);
    if (row.status !== 'ok') {
      unused.push(...entries);
      continue;
    }
    // Deliveries of one attempt are identical (the simulator is deterministic); the last one was stored.
    const entry = entries.at(-1);
    const where = `${row.model_id} ${row.suite_id}/${row.task_id}#${row.repeat_index}`;
    if (entry?.usage == null) {
      mismatches.push(`${where}: stored ok, but no response was delivered for it`);
      continue;
    }
    used.push(entry);
    unused.push(...entries.slice(0, -1));
    const stored: Usage = { inputTokens: row.input_tokens, outputTokens: row.output_tokens, cachedInputTokens: row.cached_input_tokens, cacheWriteTokens: row.cache_write_tokens, reasoningTokens: row.reasoning_tokens };
    const usage = entry.usage;
    const differing: string[] = fields.filter((field) => stored[field] !== usage[field]);
    if (row.cost_usd !== entry.costUsd) differing.push('cost');
    if (differing.length === 0) matched += 1;
    else mismatches.push(`${where}: ${differing.join(', ')} differ (stored ${JSON.stringify({ ...stored, cost: row.cost_usd })}, served ${JSON.stringify({ ...usage, cost: entry.costUsd })})`);
  }
  for (const entries of byKey.values()) for (const entry of entries) mismatches.push(`${entry.model} seed ${String(entry.seed)}: delivered, but no stored attempt asked for it`);
  const tokens = (usage: Pick<Usage, 'inputTokens' | 'outputTokens'> | null) => (usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0);
  const cost = (entries: readonly ServedEntry[]) => entries.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0);
  return {
    storedOk: okRows.length,
    servedOk: delivered.length,
    matched,
    abandoned: unused.length,
    mismatches: mismatches.slice(0, 20),
    storedTokens: okRows.reduce((sum, row) => sum + tokens({ inputTokens: row.input_tokens, outputTokens: row.output_tokens }), 0),
    servedTokens: used.reduce((sum, entry) => sum + tokens(entry.usage), 0),
    storedCostUsd: okRows.reduce((sum, row) => sum + (row.cost_usd ?? 0), 0),
    servedCostUsd: cost(used),
    abandonedCostUsd: cost(unused),
  };
}
