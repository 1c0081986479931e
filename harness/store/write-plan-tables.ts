import { createHash } from 'node:crypto';
import { LIST, VARCHAR } from '@duckdb/node-api';
import type { ModelConfig } from '../core/models-schema.ts';
import type { Suite } from '../core/suite.ts';
import type { Store } from './store.ts';

/** What the run stores about each model. */
export interface RunModel {
  readonly config: ModelConfig;
  readonly connectionKey: string;
  readonly simulated: boolean;
}

const tagsType = LIST(VARCHAR);

/** Writes the run's tasks and models, in one transaction with the caller's run row. */
export async function writePlanTables(store: Store, runId: string, suites: readonly Suite[], models: readonly RunModel[], repeatsOverride: number | undefined): Promise<void> {
  const tasks = await store.connection.createAppender('tasks');
  // Tasks mostly share their suite's default scorer object: serialised once, not once per task.
  const scorerJson = new Map<object, string>();
  for (const suite of suites) {
    for (const task of suite.tasks) {
      tasks.appendVarchar(runId);
      tasks.appendVarchar(suite.id);
      tasks.appendVarchar(task.id);
      tasks.appendVarchar(String(suite.version));
      tasks.appendVarchar(task.category);
      tasks.appendList([...task.tags], tagsType);
      if (task.system === undefined) tasks.appendNull();
      else tasks.appendVarchar(task.system);
      tasks.appendVarchar(task.prompt);
      tasks.appendVarchar(createHash('sha256').update(`${task.system ?? ''}\u0001${task.prompt}`).digest('hex').slice(0, 16));
      if (task.expected === undefined) tasks.appendNull();
      else tasks.appendVarchar(JSON.stringify(task.expected));
      let scorer = scorerJson.get(task.scorer);
      if (scorer === undefined) scorerJson.set(task.scorer, (scorer = JSON.stringify(task.scorer)));
      tasks.appendVarchar(scorer);
      tasks.appendInteger(repeatsOverride ?? suite.repeats);
      tasks.endRow();
    }
  }
  tasks.closeSync();
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
