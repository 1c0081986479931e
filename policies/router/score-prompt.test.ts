import { describe, expect, it } from 'vitest';
import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';
import { promptFeatures, scorePrompt } from './score-prompt.ts';

const scorer: PromptScorer = {
  type: 'linear-v1',
  tokenizer: 'words-v1',
  predicts: { strong: 'big', weak: 'small' },
  intercept: 0.1,
  categories: { math: 0.2 },
  chars: [0, 0.01, 0.02, 0.03, 0.04, 0.05],
  numerals: [0, -0.1, -0.2, -0.3, -0.4],
  words: { prove: 0.6, 'é': 0.3 },
  l2: 10,
  n: 100,
};

describe('scorePrompt (the linear-v1 formula of the policy file)', () => {
  it('reads distinct words, the length bin and the numeral bin', () => {
    // 8 characters: floor(log2(9)) = 3, clamped up to 6, bin 0. No numerals: bin 0.
    expect(promptFeatures('Prove it')).toEqual({ words: ['prove', 'it'], charsBin: 0, numeralsBin: 0 });
    // 3 numerals (12, 3.5, 7): floor(log2(4)) = 2. 200 characters: floor(log2(201)) = 7, bin 1.
    const long = `Add 12, 3.5 and 7 ${'x'.repeat(200 - 18)}`;
    expect(promptFeatures(long)).toMatchObject({ charsBin: 1, numeralsBin: 2 });
    // Very long prompts share the last bin.
    expect(promptFeatures('y'.repeat(100_000)).charsBin).toBe(5);
  });

  it('sums intercept, category, bins and the words divided by the square root of the distinct word count', () => {
    // Words: prove, prove (once), it, é → distinct {prove, it, é}: (0.6 + 0.3) / sqrt(3).
    const prompt = 'Prove PROVE it é';
    expect(scorePrompt(scorer, prompt, 'math')).toBeCloseTo(0.1 + 0.2 + 0 + 0 + 0.9 / Math.sqrt(3), 12);
    // An unknown or absent category weighs 0; an inherited property name is not a word weight.
    expect(scorePrompt(scorer, prompt, 'history')).toBeCloseTo(0.1 + 0.9 / Math.sqrt(3), 12);
    expect(scorePrompt(scorer, prompt, undefined)).toBeCloseTo(0.1 + 0.9 / Math.sqrt(3), 12);
    expect(scorePrompt(scorer, 'constructor toString', 'constructor')).toBeCloseTo(0.1, 12);
    expect(scorePrompt(scorer, '', undefined)).toBeCloseTo(0.1, 12);
  });
});
