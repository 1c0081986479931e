import { extractFinalAnswer } from './extract-final-answer.ts';
import { readAnswerNumber } from './read-answer-number.ts';

/**
 * The answer number of a free-text completion (see `extractFinalAnswer` for where it is looked
 * for, `readAnswerNumber` for how it is read), or `undefined` when there is none.
 */
export function extractFinalNumber(text: string): number | undefined {
  const answer = extractFinalAnswer(text);
  return answer === undefined ? undefined : readAnswerNumber(answer.text, true)?.value;
}
