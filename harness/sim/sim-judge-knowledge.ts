import { createHash } from 'node:crypto';
import { expectedText } from '../scorers/expected-text.ts';
import { jsonValuesEqual } from '../scorers/json/compare-json-fields.ts';
import { extractJson } from '../scorers/json/extract-json.ts';
import type { JudgePromptParts } from '../scorers/judge/judge-prompt.ts';
import { evaluateMath } from '../scorers/numeric/evaluate-math.ts';
import { extractFinalNumber } from '../scorers/numeric/extract-final-number.ts';
import { normalizeText } from '../scorers/text/normalize-text.ts';
import type { SimKnowledge } from './sim-oracle.ts';

/** The task a judge prompt is about, when the oracle knows it. */
export interface JudgedTask {
  readonly suiteId: string;
  readonly taskId: string;
  readonly expected: unknown;
}

/**
 * What a simulated judge "knows" about a judge prompt: the right verdict (top of the scale when
 * the answer agrees with the reference, bottom when not) as the expected answer, and the other
 * verdicts as plausible wrong ones. The simulator then answers it like any task, right at the judge
 * model's skill for the category `judge` (its `default` skill when it declares none).
 */
export function simJudgeKnowledge(parts: JudgePromptParts, task: JudgedTask | undefined): SimKnowledge {
  const reference = parts.reference ?? (task === undefined || task.expected === undefined ? undefined : expectedText(task.expected));
  const { min, max } = parts.scale;
  const right = reference === undefined ? undefined : answersAgree(parts.answer, reference);
  const deserved = right === undefined ? Math.round((min + max) / 2) : right ? max : min;
  const digest = createHash('sha256').update(parts.answer).digest('hex').slice(0, 12);
  const style = Number.parseInt(digest.slice(0, 2), 16) % 3;
  const verdicts = Array.from({ length: max - min + 1 }, (_, index) => writeVerdict(min + index, max, style));
  return {
    suiteId: task?.suiteId ?? 'judge',
    // Each judged answer is its own item, with its own difficulty.
    taskId: `${task?.taskId ?? 'unknown'}:judge:${digest}`,
    category: 'judge',
    expected: writeVerdict(deserved, max, style),
    scorerType: 'judge',
    labels: verdicts,
  };
}

/** Verdicts come in the shapes real judges use, so the lenient parser is exercised. */
function writeVerdict(score: number, max: number, style: number): string {
  const reasoning = score === max ? 'The answer agrees with the reference.' : score * 2 > max ? 'The answer is partly right.' : 'The answer does not match the reference.';
  const json = JSON.stringify({ score, reasoning });
  if (style === 1) return `\`\`\`json\n${json}\n\`\`\``;
  if (style === 2) return `Verdict: ${json}`;
  return json;
}

/** A loose check, as a careful reader would make: same number, same JSON fields, or same final line. */
function answersAgree(answer: string, reference: string): boolean {
  const want = evaluateMath(reference);
  if (want !== undefined) {
    const got = extractFinalNumber(answer);
    return got !== undefined && Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));
  }
  const wantJson = extractJson(reference);
  if (wantJson?.how === 'whole' && typeof wantJson.value === 'object') {
    const got = extractJson(answer);
    return got !== undefined && jsonValuesEqual(got.value, wantJson.value, { normalize: ['trim', 'lowercase'], absTol: 1e-6 });
  }
  const norm = (text: string) => normalizeText(text, ['lowercase', 'strip_punctuation', 'collapse_whitespace', 'trim']);
  const lastLine = answer.trim().split('\n').at(-1) ?? '';
  return norm(answer) === norm(reference) || norm(lastLine.replace(/^\s*answer\s*:/i, '')) === norm(reference);
}
