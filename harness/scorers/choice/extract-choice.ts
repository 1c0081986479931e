import { lastBoxed } from '../numeric/extract-final-answer.ts';
import type { ChoiceOptions } from './choice-options.ts';

/** A letter read from a completion, and how it was found. */
export interface ExtractedChoice {
  readonly letter: string;
  readonly how: 'boxed' | 'marker' | 'final-line' | 'option-text';
}

/** "Answer: C", "the answer is (C)", "The correct option is C", "**Final Answer:** C". */
const marker = /(?:\banswer\b|\b(?:correct|best|right)\s+(?:option|choice)\b)\**\s*(?:is|would be|should be|must be|=)?\s*:?\s*/gi;
/** A letter standing alone: not inside a word, not a contraction (`I'm`), not a number-letter pair. */
const standalone = /(?<![A-Za-z0-9'’])\(?([A-Za-z])\)?(?![A-Za-z0-9'’])/g;

/**
 * The option letter a free-text completion picks: the last `\boxed{C}`; else the letter after the
 * last "answer is"/"Answer:"; else a final line holding only a letter (`C`, `(C)`, `**C.**`); else a
 * final line naming exactly one option's text. Letters inside words never count, nor the article
 * "A" ("A good start"), nor lower-case letters outside brackets.
 */
export function extractChoice(completion: string, options: ChoiceOptions): ExtractedChoice | undefined {
  const valid = (letter: string | undefined) => (letter !== undefined && options.letters.includes(letter) ? letter : undefined);
  const boxed = lastBoxed(completion);
  const boxedLetter = boxed === undefined ? undefined : /^\s*(?:\\text(?:bf)?\{)?\s*\(?([A-Z])\)?\s*\}?\s*$/.exec(boxed)?.[1];
  if (valid(boxedLetter) !== undefined) return { letter: boxedLetter as string, how: 'boxed' };

  for (const match of [...completion.matchAll(marker)].reverse()) {
    const segment = completion.slice((match.index ?? 0) + match[0].length).split('\n')[0]?.slice(0, 120) ?? '';
    const letter = firstOptionLetter(segment.replace(/\\(?:text(?:bf)?|boxed|mathrm)\{([^{}]*)\}/g, '$1').replace(/\b(?:option|choice)\s+/gi, ''), valid);
    if (letter !== undefined) return { letter, how: 'marker' };
  }

  const lines = completion.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const last = lines.at(-1) ?? '';
  const bare = /^[\s*_#>$([]*(?:\\text(?:bf)?\{)?([A-Za-z])[)\].:}*$\s]*$/.exec(last);
  const bareLetter = bare?.[1];
  if (bareLetter !== undefined && (bareLetter === bareLetter.toUpperCase() || /[([]/.test(last))) {
    const letter = valid(bareLetter.toUpperCase());
    if (letter !== undefined) return { letter, how: 'final-line' };
  }
  const named = [...options.texts].filter(([, text]) => text.trim() !== '' && last.toLowerCase().includes(text.trim().toLowerCase()));
  if (named.length === 1 && named[0] !== undefined) return { letter: named[0][0], how: 'option-text' };
  return undefined;
}

/** The first standalone option letter of a segment; lower case only in brackets, "A" not as an article. */
function firstOptionLetter(segment: string, valid: (letter: string | undefined) => string | undefined): string | undefined {
  for (const match of segment.matchAll(standalone)) {
    const raw = match[1] ?? '';
    const bracketed = match[0].startsWith('(') && match[0].endsWith(')');
    if (raw !== raw.toUpperCase() && !bracketed) continue;
    const after = segment.slice((match.index ?? 0) + match[0].length);
    if (raw === 'A' && !bracketed && /^\s+[a-z]/.test(after)) continue;
    const letter = valid(raw.toUpperCase());
    if (letter !== undefined) return letter;
  }
  return undefined;
}
