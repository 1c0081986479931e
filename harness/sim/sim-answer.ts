import { hash32 } from './hash-random.ts';
import type { SimKnowledge } from './sim-oracle.ts';
import { expectedText } from '../scorers/expected-text.ts';

const reasoningLines = [
  'Let me work through this step by step.',
  'First, I identify the quantities involved.',
  'Then I combine them in the order the question gives.',
  'Checking the arithmetic once more.',
  'That is consistent with the question.',
];

/**
 * Writes the simulated completion: the expected answer when `correct`, otherwise a plausible
 * wrong one (another label of the category, a shifted number, a mangled id), shaped the way
 * the task's scorer reads answers. `draw` makes the choice of wrong answer deterministic.
 */
export function writeSimAnswer(knowledge: SimKnowledge | undefined, correct: boolean, verbosity: number, draw: number): string {
  if (knowledge === undefined || knowledge.expected === undefined) return "I'm not sure how to answer that.";
  const expected = expectedText(knowledge.expected);
  const answer = correct ? expected : wrongAnswer(expected, knowledge.labels, draw);
  if (knowledge.scorerType !== 'numeric') return answer;
  return `${reasoningOf(Math.max(1, Math.round(2 * verbosity)))}\nAnswer: ${answer}`;
}

/** The reasoning text of `lines` lines, built once per length: every numeric answer starts with one. */
const reasoningByLines: string[] = [];
function reasoningOf(lines: number): string {
  let reasoning = reasoningByLines[lines];
  if (reasoning === undefined) {
    reasoning = Array.from({ length: lines }, (_, index) => reasoningLines[index % reasoningLines.length]).join(' ');
    reasoningByLines[lines] = reasoning;
  }
  return reasoning;
}

/**
 * Whether a wrong answer to a task with this expected answer is drawn from its category's labels:
 * a number is shifted instead, and a task without an expected answer gets no answer at all.
 */
export function answersFromLabels(expected: unknown): boolean {
  // A finite number is written as number text: the common case, decided without writing it.
  if (typeof expected === 'number' && Number.isFinite(expected)) return false;
  return expected !== undefined && !isNumberText(expectedText(expected));
}

function isNumberText(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

function wrongAnswer(expected: string, labels: readonly string[], draw: number): string {
  if (isNumberText(expected)) return shiftNumber(expected, Number(expected), draw);
  const others = labels.filter((label) => label !== expected);
  if (others.length > 0) return others[draw % others.length] ?? expected;
  return mangle(expected, draw);
}

function shiftNumber(expected: string, number: number, draw: number): string {
  const decimals = expected.includes('.') ? (expected.split('.')[1] ?? '').length : 0;
  const factors = [0.9, 1.1, 0.5, 2, 0.75, 1.25];
  const factor = factors[draw % factors.length] ?? 1.1;
  let wrong = number === 0 ? (draw % 7) + 1 : number * factor;
  if (wrong.toFixed(decimals) === number.toFixed(decimals)) wrong = number + 1;
  return wrong.toFixed(decimals);
}

/** Changes one digit (ids, dates) or, failing that, one letter. */
function mangle(expected: string, draw: number): string {
  const digits = [...expected.matchAll(/\d/g)];
  if (digits.length > 0) {
    const position = digits[hash32(draw) % digits.length]?.index ?? 0;
    const digit = Number(expected[position]);
    return `${expected.slice(0, position)}${(digit + 1 + (draw % 8)) % 10}${expected.slice(position + 1)}`;
  }
  return expected.length > 1 ? `${expected.slice(1)}${expected[0] ?? ''}` : `${expected}?`;
}
