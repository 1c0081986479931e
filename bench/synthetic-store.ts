import { openStore } from '../harness/store/open-store.ts';

/**
 * Writes a run of `tasks` tasks x `models` models straight in SQL (no JavaScript loop over
 * rows): 20 categories, model skill varying by category, cost and latency per model.
 */
export async function writeSyntheticStore(dbPath: string, tasks: number, models: number): Promise<string> {
  const store = await openStore(dbPath);
  const runId = 'r-synthetic';
  const run = (sql: string) => store.connection.run(sql);
  try {
    await run(`INSERT INTO runs VALUES ('${runId}', 'completed', now()::TIMESTAMP, now()::TIMESTAMP, 1, true, ${tasks * models}, 'run', NULL, NULL, 'synthetic', '[]', '[{"id":"synthetic","version":"1","file":"synthetic","hash":"0"}]', NULL, '{}', '{}', '0.1.0', '{}')`);
    await run(`INSERT INTO run_models SELECT '${runId}', 'm' || i, 'sim', 'm' || i, 'sim:m' || i,
      json_object('input', 0.1 * (i + 1), 'output', 0.4 * (i + 1)), json_object('locality', CASE WHEN i % 5 = 0 THEN 'local' ELSE 'cloud' END), true
      FROM range(${models}) t(i)`);
    await run(`INSERT INTO tasks SELECT '${runId}', 'synthetic', 't' || i, '1', 'c' || (i % 20), CASE WHEN i % 10 = 0 THEN ['pii'] ELSE [] END,
      NULL, 'synthetic prompt ' || i || ' about topic ' || (i % 20), md5(i::VARCHAR)[1:16], '"x"', '{"type":"exact","normalize":["trim"]}', 1
      FROM range(${tasks}) t(i)`);
    await run(`INSERT INTO attempts (run_id, suite_id, task_id, model_id, repeat_index, status, output, score, passed, input_tokens, output_tokens, cost_usd, latency_ms, ttft_ms, retries, started_at, finished_at)
      SELECT '${runId}', 'synthetic', 't' || t.i, 'm' || m.j, 0, 'ok', 'x',
        passed::INT::DOUBLE, passed, 40, 8, (40 * 0.1 + 8 * 0.4) * (m.j + 1) / 1e6, 200 + 50 * m.j + hash(t.i, m.j) % 100, 50 + 10 * m.j, 0, now()::TIMESTAMP, now()::TIMESTAMP
      FROM range(${tasks}) t(i), range(${models}) m(j),
      LATERAL (SELECT (hash(t.i * 7919 + m.j) % 1000) / 1000.0 < 0.45 + 0.02 * m.j + 0.15 * ((t.i % 20 + m.j) % 3 = 0)::INT AS passed)`);
    await run('CHECKPOINT');
  } finally {
    store.close();
  }
  return runId;
}
