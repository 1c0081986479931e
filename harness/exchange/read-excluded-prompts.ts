import { readFileSync } from 'node:fs';
import { InputError } from '../core/input-error.ts';

/**
 * Reads a list of prompts to leave out. Lines are JSON (a string, or an object with
 * `eval_prompt` as in RouteLLM's `contaminated_prompts.jsonl`, or `prompt`) or, failing that, raw text.
 */
export function readExcludedPrompts(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError([{ file, path: '', message: 'cannot read the exclusion list', fix: 'check the --exclude-prompts path' }]);
  }
  return text.split('\n').filter((line) => line.trim() !== '').map((line, index) => promptOf(line, file, index + 1));
}

function promptOf(line: string, file: string, lineNumber: number): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const prompt = record.eval_prompt ?? record.prompt;
    if (typeof prompt === 'string') return prompt;
  }
  throw new InputError([{ file, line: lineNumber, path: '', message: 'the line is JSON but holds no prompt', fix: 'write a JSON string or an object with `eval_prompt` or `prompt`' }]);
}
