import type { FittedSegment } from './fit-table.ts';

/**
 * Which fitted segments become routes in the file: the default always (index 0), every category,
 * every prompt-score band (it overrides the category routes for prompts, so it must be there even
 * when it agrees with the default), and a refinement (a tag set, a prompt-length band) only where
 * it routes differently from what it refines. Anything left out routes exactly like its parent, so
 * the file stays small without changing a single decision.
 */
export function selectRoutes(fitted: readonly FittedSegment[]): boolean[] {
  return fitted.map((entry, index) => {
    if (index === 0) return true;
    const { key, parent } = entry.segment;
    const base = parent === undefined ? undefined : fitted[parent];
    if (base === undefined) return true;
    if (key.category !== undefined && key.tags === undefined && key.prompt_chars === undefined) return true;
    if (key.prompt_score !== undefined) return true;
    const sameColumn = base.choice.candidate.column === entry.choice.candidate.column;
    if (key.prompt_chars !== undefined) return !sameColumn;
    return !sameColumn || base.fallbacks.join('\u0000') !== entry.fallbacks.join('\u0000');
  });
}
