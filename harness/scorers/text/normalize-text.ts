import type { Normalizer } from '../../core/answer-scorer-specs.ts';

const steps: Record<Normalizer, (text: string) => string> = {
  trim: (text) => text.trim(),
  lowercase: (text) => text.toLowerCase(),
  collapse_whitespace: (text) => text.replace(/\s+/g, ' '),
  strip_punctuation: (text) => text.replace(/[\p{P}\p{S}]/gu, ''),
};

/** Applies the normalisers in the order given. */
export function normalizeText(text: string, normalizers: readonly Normalizer[]): string {
  return normalizers.reduce((value, normalizer) => steps[normalizer](value), text);
}
