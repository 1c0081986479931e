import type { KeywordClassifier } from '../../harness/core/policy-schema.ts';

/** The distinct words of a prompt under the `words-v1` tokenizer: lowercase runs of Unicode letters and digits. */
export function promptWords(prompt: string): Set<string> {
  return new Set(prompt.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** The category the keyword rules give `prompt`, or `undefined` when none of their keywords is in it. */
export function classifyPrompt(classifier: KeywordClassifier, prompt: string): string | undefined {
  return classifyWords(classifier, promptWords(prompt));
}

/** As `classifyPrompt`, on words already extracted. Highest summed weight wins; ties: the earlier rule. */
export function classifyWords(classifier: KeywordClassifier, words: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const rule of classifier.rules) {
    let score = 0;
    for (const keyword of rule.keywords) if (words.has(keyword.word)) score += keyword.weight;
    if (score > bestScore) {
      best = rule.category;
      bestScore = score;
    }
  }
  return best;
}
