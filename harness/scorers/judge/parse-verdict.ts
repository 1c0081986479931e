import { extractJson } from '../json/extract-json.ts';

/** A judge's verdict: the score on the scale (clamped), and its reasoning when it gave one. */
export interface Verdict {
  readonly score: number;
  readonly reasoning: string | null;
}

const scoreKeys = ['score', 'rating', 'grade', 'verdict', 'points'];
const reasonKeys = ['reasoning', 'explanation', 'rationale', 'justification', 'reason', 'comment'];

/**
 * Reads a verdict leniently: JSON (bare, fenced or in prose; `score`, `rating` or `grade`, as a
 * number or a string such as "4" or "4/5"), else "Score: 4", "4/5" or "4 out of 5", else a reply
 * that is only a number. Scores outside the scale are clamped to it. `undefined` when there is none.
 */
export function parseVerdict(text: string, scale: { readonly min: number; readonly max: number }): Verdict | undefined {
  const clamp = (score: number) => Math.min(scale.max, Math.max(scale.min, score));
  const json = extractJson(text)?.value;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const entries = Object.entries(json as Record<string, unknown>).map(([key, value]) => [key.toLowerCase(), value] as const);
    const rawScore = entries.find(([key]) => scoreKeys.includes(key))?.[1];
    const score = typeof rawScore === 'number' ? rawScore : typeof rawScore === 'string' ? Number.parseFloat(rawScore) : Number.NaN;
    const reasoning = entries.find(([key]) => reasonKeys.includes(key))?.[1];
    if (Number.isFinite(score)) return { score: clamp(score), reasoning: typeof reasoning === 'string' ? reasoning : null };
  }
  const labelled = [...text.matchAll(/\b(?:score|rating|grade)\b["'*]*\s*[:=]\s*["'*]*(-?\d+(?:\.\d+)?)/gi)].at(-1)?.[1];
  const outOf = [...text.matchAll(new RegExp(`(-?\\d+(?:\\.\\d+)?)\\s*(?:/|out of)\\s*${scale.max}\\b`, 'gi'))].at(-1)?.[1];
  const bare = /^\s*(-?\d+(?:\.\d+)?)\s*\.?\s*$/.exec(text)?.[1];
  const found = labelled ?? outOf ?? bare;
  return found === undefined ? undefined : { score: clamp(Number(found)), reasoning: null };
}
