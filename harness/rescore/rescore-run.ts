import type { AttemptRecord, AttemptStatus } from '../core/attempt.ts';
import { InputError } from '../core/input-error.ts';
import type { Suite, Task } from '../core/suite.ts';
import { readBatonVersion, readGitRevision, readPackageVersions } from '../run/read-provenance.ts';
import { newRunId } from '../run/open-run.ts';
import { createScoringCache } from '../scorers/create-scoring-cache.ts';
import { scoreOutput } from '../scorers/score-output.ts';
import { createAttemptWriter } from '../store/attempt-writer.ts';
import { copyRunModels } from '../store/copy-run-models.ts';
import { createJudgmentWriter } from '../store/judgment-writer.ts';
import { readAttemptPage, type AttemptCursor } from '../store/read-attempts.ts';
import { readJudgments } from '../store/read-judgments.ts';
import { readRun } from '../store/read-run.ts';
import type { Store } from '../store/store.ts';
import { writePlanTables } from '../store/write-plan-tables.ts';
import { insertRun, setRunStatus } from '../store/write-run.ts';
import { createReplayJudgeClient } from './create-replay-judge-client.ts';

/** What `rescoreRun` needs: an open store, the run to rescore, the current suites. */
export interface RescoreOptions {
  readonly store: Store;
  readonly runId: string;
  readonly suites: readonly Suite[];
  /** The suite paths as the user gave them, recorded on the new run. */
  readonly suitePaths: readonly string[];
  /** Attempts read and scored at a time. Default 1000. */
  readonly pageSize?: number;
}

/** What a rescore did. */
export interface RescoreOutcome {
  readonly runId: string;
  readonly parentRunId: string;
  readonly simulated: boolean;
  /** Attempts scored again with the current scorers. */
  readonly rescored: number;
  /** Failed calls (no output), copied as they were. */
  readonly copied: number;
  /** Attempts of tasks no longer in the suites: left out of the new run. */
  readonly skipped: number;
  /** Rescored attempts whose pass/fail verdict changed. */
  readonly changed: number;
  /** Rescored attempts whose scorer could not reach a verdict. */
  readonly scorerErrors: number;
  /** Attempts of the new run, by status. */
  readonly executed: Readonly<Record<AttemptStatus, number>>;
}

/**
 * Re-applies the current suites' scorers and checks to the outputs stored by a run, calling no
 * model (judges are replayed from the stored judgments), and writes a new run (`source: rescore`,
 * `parent_run_id` = the old run) with the old tokens, cost and latency and the new scores.
 */
export async function rescoreRun(options: RescoreOptions): Promise<RescoreOutcome> {
  const { store } = options;
  const parent = await readRun(store, options.runId);
  if (parent === undefined) throw new InputError([{ file: store.path, path: `runs[${options.runId}]`, message: `no run \`${options.runId}\` in the database`, fix: 'check the id and the --out folder' }]);
  // Every task, by key: stored attempts come in key order, not in the suites' order, so a rescore
  // holds the tasks (one pass over the task files) where a run reads them again on each pass.
  const tasks = new Map<string, { task: Task; suite: Suite }>();
  for (const suite of options.suites) for (const task of suite.tasks) tasks.set(`${suite.id}\u0000${task.id}`, { task, suite });
  const planned = Number((await store.connection.runAndReadAll('SELECT count(*) AS n FROM attempts WHERE run_id = $runId', { runId: parent.runId })).getRowObjectsJS()[0]?.n ?? 0);
  const runId = newRunId();
  const repeats = typeof parent.options.repeats === 'number' ? parent.options.repeats : undefined;
  await store.connection.run('BEGIN TRANSACTION');
  try {
    await insertRun(store, {
      ...parent, runId, status: 'running', startedAt: new Date(), finishedAt: null, plannedAttempts: planned, source: 'rescore', parentRunId: parent.runId,
      suitePaths: options.suitePaths, suites: options.suites.map((suite) => ({ id: suite.id, version: String(suite.version), file: suite.file, hash: suite.hash })),
      gitRevision: readGitRevision(), packageVersions: readPackageVersions(), batonVersion: readBatonVersion(), options: { ...parent.options, rescored_from: parent.runId },
    });
    await writePlanTables(store, runId, options.suites, [], repeats);
    await copyRunModels(store, parent.runId, runId);
    await store.connection.run('COMMIT');
  } catch (error) {
    await store.connection.run('ROLLBACK');
    throw error;
  }
  const scoring = createScoringCache(createReplayJudgeClient(await readJudgments(store, parent.runId)));
  const counts = { rescored: 0, copied: 0, skipped: 0, changed: 0, scorerErrors: 0 };
  const executed: Record<AttemptStatus, number> = { ok: 0, error: 0, timeout: 0, skipped: 0 };
  const attempts = await createAttemptWriter(store);
  const judgments = await createJudgmentWriter(store);
  const reader = await store.instance.connect();
  try {
    const pageSize = options.pageSize ?? 1000;
    for (let after: AttemptCursor = undefined; ; ) {
      const page = await readAttemptPage(reader, parent.runId, after, pageSize);
      after = page.at(-1);
      const rows = await Promise.all(page.map((attempt) => rescoreAttempt(attempt)));
      for (const row of rows) {
        if (row === undefined) continue;
        attempts.add(row);
        executed[row.status] += 1;
      }
      if (page.length < pageSize) break;
    }
    attempts.close();
    judgments.close();
  } catch (error) {
    await setRunStatus(store, runId, 'failed');
    throw error;
  } finally {
    reader.closeSync();
  }
  await setRunStatus(store, runId, 'completed');
  return { runId, parentRunId: parent.runId, simulated: parent.simulated, ...counts, executed };

  async function rescoreAttempt(attempt: AttemptRecord): Promise<AttemptRecord | undefined> {
    const found = tasks.get(`${attempt.suiteId}\u0000${attempt.taskId}`);
    if (found === undefined) return void (counts.skipped += 1);
    // Failed calls have nothing to score; an output left unscored by a failing scorer is scored again.
    if (attempt.output === null || (attempt.status !== 'ok' && attempt.errorCode !== 'scorer_error')) {
      counts.copied += 1;
      return { ...attempt, runId };
    }
    const { task, suite } = found;
    const { judgments: calls, ...scored } = await scoreOutput(scoring.scorerFor(suite, task.scorer), scoring.checkFor(suite), task, attempt.output);
    calls.forEach((call, judgeIndex) => judgments.add({ ...call, runId, suiteId: attempt.suiteId, taskId: attempt.taskId, modelId: attempt.modelId, repeat: attempt.repeat, judgeIndex, createdAt: new Date() }));
    counts.rescored += 1;
    if (scored.status === 'error') counts.scorerErrors += 1;
    if (scored.passed !== attempt.passed) counts.changed += 1;
    return { ...attempt, ...scored, runId };
  }
}
