import type { z } from 'zod';
import type { BaseScorerSpec, WeightedScorerSchema } from '../../core/scorer-spec.ts';
import type { Scorer } from '../scorer.ts';
import { applyScorer } from '../apply-scorer.ts';

/**
 * `weighted`: the weighted mean of its parts' values. Passes when every part passes, or, with
 * `pass_threshold`, when the mean reaches it. A part that cannot reach a verdict makes the whole
 * score an error. Parts run concurrently; their judge calls are all kept.
 */
export function createWeightedScorer(spec: z.infer<typeof WeightedScorerSchema>, build: (part: BaseScorerSpec) => Scorer): Scorer {
  const parts = spec.scorers.map((part) => ({ weight: part.weight, type: part.scorer.type, scorer: build(part.scorer) }));
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  return async (task, completion) => {
    const scores = await Promise.all(parts.map((part) => applyScorer(part.scorer, task, completion)));
    const judgments = scores.flatMap((score) => score.judgments ?? []);
    const value = scores.reduce((sum, score, index) => sum + score.value * (parts[index]?.weight ?? 0), 0) / total;
    const passed = spec.pass_threshold === undefined ? scores.every((score) => score.passed) : value >= spec.pass_threshold;
    const explanation = scores.map((score, index) => `${parts[index]?.type ?? '?'} ${score.value.toFixed(2)}×${parts[index]?.weight ?? 0}`).join(' + ');
    const errors = scores.flatMap((score, index) => (score.error === undefined ? [] : [`${parts[index]?.type ?? '?'}: ${score.error}`]));
    const extracted = scores.find((score) => score.extracted !== null)?.extracted ?? null;
    const base = { value, passed, extracted, explanation: `${explanation} = ${value.toFixed(2)}`, judgments };
    return errors.length === 0 ? base : { ...base, value: 0, passed: false, error: errors.join('; ') };
  };
}
