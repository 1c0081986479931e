import { createHash } from 'node:crypto';
import { INTEGER, LIST, listValue, VARCHAR } from './duckdb-api.ts';
import type { DuckDBVector } from '@duckdb/node-api';
import type { ModelConfig } from '../core/models-schema.ts';
import type { Suite, Task } from '../core/suite.ts';
import { createBatchedAppender, type TableColumns } from './batched-appender.ts';
import type { Store } from './store.ts';

/** What the run stores about each model. */
export interface RunModel {
  readonly config: ModelConfig;
  readonly connectionKey: string;
  readonly simulated: boolean;
}

/** One row of the `tasks` table. */
interface TaskRow {
  readonly runId: string;
  readonly suiteId: string;
  readonly suiteVersion: string;
  readonly task: Task;
  readonly scorer: string;
  readonly repeats: number;
}

/**
 * The `tasks` table in column order, written column by column into data chunks (see
 * {@link createBatchedAppender}): a row appender built a native list value per task for its tags,
 * which for 100,000 tasks cost a tenth of a second and some 70 MB of memory the allocator kept.
 */
const taskColumns: TableColumns<TaskRow> = {
  types: [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, LIST(VARCHAR), VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER],
  write(columns: readonly DuckDBVector[], index: number, row: TaskRow): void {
    const { task } = row;
    columns[0]!.setItem(index, row.runId);
    columns[1]!.setItem(index, row.suiteId);
    columns[2]!.setItem(index, task.id);
    columns[3]!.setItem(index, row.suiteVersion);
    columns[4]!.setItem(index, task.category);
    columns[5]!.setItem(index, listValue(task.tags));
    columns[6]!.setItem(index, task.system ?? null);
    columns[7]!.setItem(index, task.prompt);
    columns[8]!.setItem(index, createHash('sha256').update(`${task.system ?? ''}\u0001${task.prompt}`).digest('hex').slice(0, 16));
    columns[9]!.setItem(index, task.expected === undefined ? null : JSON.stringify(task.expected));
    columns[10]!.setItem(index, row.scorer);
    columns[11]!.setItem(index, row.repeats);
  },
};

/** Writes the run's tasks and models, in one transaction with the caller's run row. */
export async function writePlanTables(store: Store, runId: string, suites: readonly Suite[], models: readonly RunModel[], repeatsOverride: number | undefined): Promise<void> {
  // Inside the caller's transaction, so a batch flush is not a commit: the plan is stored whole or not at all.
  const tasks = await createBatchedAppender(store, 'tasks', taskColumns, { batchSize: 100_000 });
  // Tasks mostly share their suite's default scorer object: serialised once, not once per task.
  const scorerJson = new Map<object, string>();
  try {
    for (const suite of suites) {
      const suiteVersion = String(suite.version);
      const repeats = repeatsOverride ?? suite.repeats;
      for (const task of suite.tasks) {
        let scorer = scorerJson.get(task.scorer);
        if (scorer === undefined) scorerJson.set(task.scorer, (scorer = JSON.stringify(task.scorer)));
        tasks.add({ runId, suiteId: suite.id, suiteVersion, task, scorer, repeats });
      }
    }
  } catch (error) {
    // Release the appender (and its timer); the caller rolls the transaction back.
    try {
      tasks.close();
    } catch {
      // The first error is the one to report.
    }
    throw error;
  }
  tasks.close();
  const rows = await store.connection.createAppender('run_models');
  for (const model of models) {
    rows.appendVarchar(runId);
    rows.appendVarchar(model.config.id);
    rows.appendVarchar(model.config.provider);
    rows.appendVarchar(model.config.model);
    rows.appendVarchar(model.connectionKey);
    if (model.config.price === undefined) rows.appendNull();
    else rows.appendVarchar(JSON.stringify(model.config.price));
    rows.appendVarchar(JSON.stringify(model.config.attributes));
    rows.appendBoolean(model.simulated);
    rows.endRow();
  }
  rows.closeSync();
}
