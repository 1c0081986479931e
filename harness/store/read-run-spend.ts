import type { Store } from './store.ts';

/** What a run has cost so far in USD: its attempts and its judge calls (unknown costs count as 0). */
export async function readRunSpend(store: Store, runId: string): Promise<number> {
  const reader = await store.connection.runAndReadAll(
    `SELECT (SELECT coalesce(sum(cost_usd), 0) FROM attempts WHERE run_id = $runId)
          + (SELECT coalesce(sum(cost_usd), 0) FROM judgments WHERE run_id = $runId) AS spent`,
    { runId },
  );
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}
