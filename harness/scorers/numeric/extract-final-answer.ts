/** Where a final answer was found in a completion. */
export type AnswerSource = 'boxed' | 'marker' | 'last-number';

/** The final answer of a free-text completion, as text, and where it was found. */
export interface FinalAnswer {
  readonly text: string;
  readonly source: AnswerSource;
}

/** A number in running text: signs, currency, thousands separators, decimals, percent, `a/b`, `\frac{a}{b}`. */
export const numberInText =
  /(?<![\w.)])[-−]?\s?(?:\\\$|\$)?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)?%?|(?<![\w.)])[-−]?\.\d+%?|[-−]?\\[dt]?frac\{[^{}]*\}\{[^{}]*\}/g;

/** "Answer: …", "answer is …", "**Final answer:** …" — the rest of the line after the last one. */
const marker = /\banswer\b\**\s*(?:is|:|=)\s*(?:\**\s*[:=]?)?/gi;

/**
 * The completion's final answer: the content of the last `\boxed{}` (or `\fbox{}`), else the rest of
 * the line after the last "answer is"/"Answer:" (holding a digit, when `numeric`), else the last
 * number in the text. `undefined` when there is none of these.
 */
export function extractFinalAnswer(completion: string, numeric = true): FinalAnswer | undefined {
  const boxed = lastBoxed(completion);
  if (boxed !== undefined && boxed.trim() !== '') return { text: boxed.trim(), source: 'boxed' };
  const markers = [...completion.matchAll(marker)];
  for (const match of markers.reverse()) {
    const start = (match.index ?? 0) + match[0].length;
    const line = completion.slice(start).split('\n')[0] ?? '';
    const text = line.replace(/\*\*/g, '').replace(/[.\s]+$/, '').trim();
    if (text !== '' && (!numeric || /\d/.test(text))) return { text, source: 'marker' };
  }
  const last = completion.match(numberInText)?.at(-1);
  return last === undefined ? undefined : { text: last.trim(), source: 'last-number' };
}

/** The content of the last `\boxed{…}`, braces balanced. */
export function lastBoxed(text: string): string | undefined {
  const starts = [...text.matchAll(/\\(?:boxed|fbox)\s*\{/g)];
  for (const start of starts.reverse()) {
    const open = (start.index ?? 0) + start[0].length;
    let depth = 1;
    for (let index = open; index < text.length; index += 1) {
      const char = text[index];
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      if (depth === 0) return text.slice(open, index);
    }
  }
  return undefined;
}
