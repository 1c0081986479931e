/** The distinct words of every task's prompt, numbered: task `t` holds `ids[start[t]]` up to `ids[start[t + 1]]` (excluded). */
export interface WordIndex {
  /** Word of each id, in order of first appearance. */
  readonly vocabulary: readonly string[];
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

/** Numbers the words once, so that counting them per fold is integer arithmetic rather than string lookups. */
export function indexWords(words: readonly ReadonlySet<string>[]): WordIndex {
  const numbers = new Map<string, number>();
  const vocabulary: string[] = [];
  const start = new Int32Array(words.length + 1);
  const ids: number[] = [];
  words.forEach((set, t) => {
    start[t] = ids.length;
    for (const word of set) {
      let id = numbers.get(word);
      if (id === undefined) {
        id = vocabulary.length;
        numbers.set(word, id);
        vocabulary.push(word);
      }
      ids.push(id);
    }
  });
  start[words.length] = ids.length;
  return { vocabulary, start, ids: Int32Array.from(ids) };
}
