import type { Store } from './store.ts';

/** Copies a run's models (prices, attributes, connection keys) to a run derived from it. */
export async function copyRunModels(store: Store, fromRunId: string, toRunId: string): Promise<void> {
  await store.connection.run(
    `INSERT INTO run_models SELECT $to, model_id, provider, model, connection_key, price, attributes, simulated FROM run_models WHERE run_id = $from`,
    { from: fromRunId, to: toRunId },
  );
}
