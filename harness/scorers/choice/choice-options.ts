/** The options of a multiple-choice task: upper-case letters, with their texts when known. */
export interface ChoiceOptions {
  readonly letters: readonly string[];
  /** Option text per letter, when the task lists them. */
  readonly texts: ReadonlyMap<string, string>;
}

const defaultLetters = ['A', 'B', 'C', 'D'];

/**
 * Options from the spec's `choices`, else from the task var: a list of letters, a list of option
 * texts (lettered A, B, C, ... in order) or a map from letter to text. Default A–D.
 */
export function resolveChoiceOptions(choices: readonly string[] | undefined, fromVar: unknown): ChoiceOptions {
  if (choices !== undefined) return { letters: choices.map((letter) => letter.toUpperCase()), texts: new Map() };
  if (Array.isArray(fromVar) && fromVar.length >= 2 && fromVar.every((item) => typeof item === 'string')) {
    const items: readonly string[] = fromVar;
    if (items.every((item) => /^[A-Za-z]$/.test(item))) return { letters: items.map((item) => item.toUpperCase()), texts: new Map() };
    const letters = items.slice(0, 26).map((_, index) => String.fromCharCode(65 + index));
    return { letters, texts: new Map(letters.map((letter, index) => [letter, items[index] ?? ''])) };
  }
  if (fromVar !== null && typeof fromVar === 'object' && !Array.isArray(fromVar)) {
    const entries = Object.entries(fromVar).filter(([key, value]) => /^[A-Za-z]$/.test(key) && typeof value === 'string');
    if (entries.length >= 2) {
      return { letters: entries.map(([key]) => key.toUpperCase()), texts: new Map(entries.map(([key, value]) => [key.toUpperCase(), value as string])) };
    }
  }
  return { letters: defaultLetters, texts: new Map() };
}

/** The letter an expected answer names: a letter (any case, `(C)`, `C.`) or an option's text. */
export function expectedLetter(expected: unknown, options: ChoiceOptions): string | undefined {
  if (typeof expected !== 'string') return undefined;
  const letter = /^\s*\(?([A-Za-z])\)?[.:]?\s*$/.exec(expected)?.[1]?.toUpperCase();
  if (letter !== undefined && options.letters.includes(letter)) return letter;
  const wanted = expected.trim().toLowerCase();
  for (const [key, text] of options.texts) if (text.trim().toLowerCase() === wanted) return key;
  return undefined;
}
