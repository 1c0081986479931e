import { LIST, VARCHAR } from '../../harness/store/duckdb-api.ts';
import type { AttemptStatus } from '../../harness/core/attempt.ts';
import { createAttemptWriter } from '../../harness/store/attempt-writer.ts';
import type { Store } from '../../harness/store/store.ts';

/** A model of a hand-built run. */
export interface MatrixModelInput {
  readonly id: string;
  readonly provider?: string;
  readonly price?: Record<string, number> | null;
  readonly attributes?: Record<string, string>;
}

/** A task of a hand-built run. */
export interface MatrixTaskInput {
  readonly suiteId?: string;
  readonly taskId: string;
  readonly category: string;
  readonly tags?: readonly string[];
  readonly prompt?: string;
}

/** An attempt of a hand-built run; status `ok`, repeat 0, no cost, latency or check unless given. */
export interface MatrixAttemptInput {
  readonly suiteId?: string;
  readonly taskId: string;
  readonly modelId: string;
  readonly score: number | null;
  readonly repeat?: number;
  readonly status?: AttemptStatus;
  readonly costUsd?: number | null;
  readonly latencyMs?: number | null;
  readonly checkPassed?: boolean | null;
}

/**
 * Writes a run in baton's schema from a compact description: for hand-built matrices with a known
 * right answer, and for outcome data recorded elsewhere (RouteLLM's CSVs), so that the learner is
 * tested through the same SQL it uses on real runs.
 */
export async function writeMatrixStore(store: Store, input: { runId?: string; simulated?: boolean; startedAt?: Date; models: readonly MatrixModelInput[]; tasks: readonly MatrixTaskInput[]; attempts: readonly MatrixAttemptInput[] }): Promise<string> {
  const runId = input.runId ?? 'r-matrix';
  const started = input.startedAt ?? new Date('2026-01-01T00:00:00Z');
  const snapshot = Object.fromEntries(input.models.map((model) => [model.id, model.price ?? null]));
  await store.connection.run(
    `INSERT INTO runs VALUES ($id, 'completed', $started, $started, 1, $simulated, $planned, 'import', NULL, NULL, 'hand-built', '[]', '[{"id":"s","version":"1","file":"s.yaml","hash":"h"}]', NULL, '{}', $snapshot, '0.0.0', '{}')`,
    { id: runId, started: started.toISOString(), simulated: input.simulated ?? false, planned: input.attempts.length, snapshot: JSON.stringify(snapshot) },
  );
  const models = await store.connection.createAppender('run_models');
  for (const model of input.models) {
    for (const value of [runId, model.id, model.provider ?? 'openai', model.id, `${model.provider ?? 'openai'}:${model.id}`]) models.appendVarchar(value);
    if (model.price === undefined || model.price === null) models.appendNull();
    else models.appendVarchar(JSON.stringify(model.price));
    models.appendVarchar(JSON.stringify(model.attributes ?? {}));
    models.appendBoolean(input.simulated ?? false);
    models.endRow();
  }
  models.closeSync();
  const tasks = await store.connection.createAppender('tasks');
  for (const task of input.tasks) {
    for (const value of [runId, task.suiteId ?? 's', task.taskId, '1', task.category]) tasks.appendVarchar(value);
    tasks.appendList([...(task.tags ?? [])], LIST(VARCHAR));
    tasks.appendNull();
    tasks.appendVarchar(task.prompt ?? `task ${task.taskId}`);
    tasks.appendVarchar(task.taskId);
    tasks.appendNull();
    tasks.appendVarchar('{"type":"exact"}');
    tasks.appendInteger(1);
    tasks.endRow();
  }
  tasks.closeSync();
  const writer = await createAttemptWriter(store, { batchSize: 5000 });
  for (const attempt of input.attempts) {
    const status = attempt.status ?? 'ok';
    writer.add({
      runId, suiteId: attempt.suiteId ?? 's', taskId: attempt.taskId, modelId: attempt.modelId, repeat: attempt.repeat ?? 0, status,
      output: status === 'ok' ? 'answer' : null, score: attempt.score, passed: attempt.score === null ? null : attempt.score >= 1, extracted: null, explanation: null,
      checkPassed: attempt.checkPassed ?? null, finishReason: status === 'ok' ? 'stop' : null, inputTokens: null, outputTokens: null, cachedInputTokens: null, cacheWriteTokens: null, reasoningTokens: null,
      costUsd: attempt.costUsd ?? null, latencyMs: attempt.latencyMs ?? null, ttftMs: null, retries: 0, errorCode: status === 'ok' ? null : 'server_error', errorMessage: null, startedAt: started, finishedAt: started,
    });
  }
  writer.close();
  return runId;
}
