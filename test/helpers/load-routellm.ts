import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { MatrixAttemptInput, MatrixModelInput, MatrixTaskInput } from './write-matrix-store.ts';

/** RouteLLM's recorded outcomes (lm-sys/RouteLLM, Apache-2.0), read in place from the shared data folder. */
export const routeLlmEvals = fileURLToPath(new URL('../../../shared/data/routellm/routellm/evals/', import.meta.url));

const strongColumn = 'gpt-4-1106-preview';
const weakColumn = 'mistralai/Mixtral-8x7B-Instruct-v0.1';

/** The two models; cost is the share of strong calls, as in the paper: 1 per GPT-4 call, 0 per Mixtral call. */
export const routeLlmModels: readonly MatrixModelInput[] = [
  { id: 'gpt-4-1106-preview', provider: 'openai', price: null, attributes: { vendor: 'openai' } },
  { id: 'mixtral-8x7b-instruct', provider: 'openai-compatible', price: null, attributes: { vendor: 'mistral' } },
];

/** Whether the data is there (it lives outside the repository). */
export function hasRouteLlmData(): boolean {
  return existsSync(join(routeLlmEvals, 'mmlu', 'responses')) && existsSync(join(routeLlmEvals, 'gsm8k', 'gsm8k_responses.csv'));
}

/**
 * One benchmark as tasks and attempts: MMLU with its 57 domains as categories, or GSM8K as one
 * category; prompts the paper found in training data (`contaminated_prompts.jsonl`) removed.
 * Task ids number the rows of the original files, so they stay stable whatever is removed.
 */
export function readRouteLlm(benchmark: 'mmlu' | 'gsm8k'): { tasks: MatrixTaskInput[]; attempts: MatrixAttemptInput[]; removed: number } {
  const contaminated = new Set(
    readFileSync(join(routeLlmEvals, benchmark, 'contaminated_prompts.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { eval_prompt: string }).eval_prompt),
  );
  const files =
    benchmark === 'gsm8k'
      ? [{ category: 'gsm8k', file: join(routeLlmEvals, 'gsm8k', 'gsm8k_responses.csv') }]
      : readdirSync(join(routeLlmEvals, 'mmlu', 'responses'))
          .filter((name) => name.startsWith('mmlu_') && name.endsWith('.csv'))
          .sort()
          .map((name) => ({ category: name.slice('mmlu_'.length, -'.csv'.length), file: join(routeLlmEvals, 'mmlu', 'responses', name) }));
  const tasks: MatrixTaskInput[] = [];
  const attempts: MatrixAttemptInput[] = [];
  let removed = 0;
  for (const { category, file } of files) {
    const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
    rows.forEach((row, index) => {
      const prompt = row.prompt ?? '';
      if (contaminated.has(prompt)) {
        removed += 1;
        return;
      }
      const taskId = `${category}-${String(index).padStart(5, '0')}`;
      tasks.push({ suiteId: benchmark, taskId, category, prompt });
      attempts.push({ suiteId: benchmark, taskId, modelId: 'gpt-4-1106-preview', score: row[strongColumn] === 'True' ? 1 : 0, costUsd: 1 });
      attempts.push({ suiteId: benchmark, taskId, modelId: 'mixtral-8x7b-instruct', score: row[weakColumn] === 'True' ? 1 : 0, costUsd: 0 });
    });
  }
  return { tasks, attempts, removed };
}
