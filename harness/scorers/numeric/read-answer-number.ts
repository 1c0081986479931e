import { evaluateMath } from './evaluate-math.ts';
import { numberInText } from './extract-final-answer.ts';

/** A number read from an answer, and whether it was written as a percentage. */
export interface AnswerNumber {
  readonly value: number;
  readonly percent: boolean;
}

/**
 * The number an answer text stands for. The whole text is evaluated first (`\frac{3}{4}`,
 * `2\sqrt{2}`, `$1,250.00`); an assignment keeps its right-hand side (`x = 5`, `m+n = 33`);
 * failing that, with `lenient`, the first number in the text counts (`42 apples`).
 */
export function readAnswerNumber(text: string, lenient: boolean): AnswerNumber | undefined {
  const percent = /%/.test(text);
  const whole = stripAssignment(text);
  const value = evaluateMath(whole);
  if (value !== undefined) return { value, percent };
  if (!lenient) return undefined;
  for (const token of whole.match(numberInText) ?? []) {
    const first = evaluateMath(token);
    if (first !== undefined) return { value: first, percent: percent && token.includes('%') };
  }
  return undefined;
}

/** `x = 5` → `5`; `a = b = 7` → `7`; relations (`\le`, `\ne`) are left alone. */
export function stripAssignment(text: string): string {
  const parts = text.split(/(?<![<>!\\])=(?!=)/);
  return parts.length > 1 ? (parts.at(-1) ?? text).trim() : text.trim();
}
