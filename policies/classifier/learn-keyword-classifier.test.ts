import { describe, expect, it } from 'vitest';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import { classifyPrompt } from '../router/classify-prompt.ts';
import { learnKeywordClassifier } from './learn-keyword-classifier.ts';

const topics: Record<string, string[]> = {
  billing: ['invoice', 'charged', 'refund', 'payment', 'card'],
  bug: ['crash', 'error', 'broken', 'freezes', 'button'],
};

/** Prompts of two categories sharing a template, each naming two of its category's words. */
function matrixOf(count: number): PolicyMatrix {
  const tasks = Object.entries(topics).flatMap(([category, words]) =>
    Array.from({ length: count }, (_, i) => {
      const prompt = `Classify this email. Email: my ${words[i % 5] ?? ''} and the ${words[(i + 2) % 5] ?? ''} again`;
      return { suiteId: 's', taskId: `${category}-${i}`, category, tags: [], prompt, promptChars: prompt.length };
    }),
  );
  return { tasks, models: [], columns: [], hasChecks: false };
}

describe('learnKeywordClassifier', () => {
  it('learns each category\'s words, not the shared template, and measures itself held out', () => {
    const classifier = learnKeywordClassifier(matrixOf(40), { seed: 1 });
    expect(classifier).toBeDefined();
    if (classifier === undefined) return;
    const words = (category: string) => classifier.rules.find((rule) => rule.category === category)?.keywords.map((keyword) => keyword.word) ?? [];
    expect(words('billing')).toEqual(expect.arrayContaining(['invoice', 'refund', 'card']));
    expect(words('bug')).not.toContain('email');
    expect(classifier.accuracy.estimate).toBe(1);
    expect(classifier.coverage).toBe(1);
    expect(classifyPrompt(classifier, 'I was CHARGED twice on my card')).toBe('billing');
    expect(classifyPrompt(classifier, 'The app freezes')).toBe('bug');
    expect(classifyPrompt(classifier, 'Good morning')).toBeUndefined();
  });

  it('has nothing to learn with one category', () => {
    const matrix = matrixOf(5);
    expect(learnKeywordClassifier({ ...matrix, tasks: matrix.tasks.map((task) => ({ ...task, category: 'only' })) }, { seed: 1 })).toBeUndefined();
  });
});
