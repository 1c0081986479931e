import { utilityCandidates, utilityOf } from '../fit/choose-utility.ts';
import { byCost } from '../fit/describe.ts';
import type { Candidate, Segment } from '../fit/segment.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import type { FoldFit } from './fit-folds.ts';

/** One point of the held-out curve. */
export interface HeldOutPoint {
  readonly lambda: number;
  readonly quality: number;
  readonly cost: number;
  /** Share of calls to `pair.strong` (escalations counted), when a pair is given. */
  readonly strongShare?: number;
}

/** Most λ values evaluated; beyond it, breakpoints are thinned evenly (the curve keeps its shape). */
const maxPoints = 2000;

/**
 * The held-out cost–quality curve of the utility objective in one fold: every λ at which the
 * fold's choice for some segment changes (the exact breakpoints of the fitted lines
 * quality − λ·cost − μ·p95), evaluated between breakpoints on the fold's held-out tasks, cheapest
 * first. Empty when a model is unpriced.
 */
export function traceFoldCurve(matrix: PolicyMatrix, fit: FoldFit, mu: number, pair?: { readonly strong: number; readonly weak: number }): HeldOutPoint[] {
  const segments = fit.fitted.map((entry) => entry.segment);
  if (segments.some((segment) => segment.candidates.some((candidate) => candidate.cost === null))) return [];
  const breaks = new Set<number>();
  for (const segment of segments) {
    const candidates = segment.candidates;
    for (let i = 0; i < candidates.length; i += 1) {
      for (let j = i + 1; j < candidates.length; j += 1) {
        const a = candidates[i];
        const b = candidates[j];
        if (a === undefined || b === undefined || a.cost === b.cost) continue;
        const lambda = (utilityOf(a, 0, mu) - utilityOf(b, 0, mu)) / ((a.cost ?? 0) - (b.cost ?? 0));
        if (lambda > 0 && Number.isFinite(lambda)) breaks.add(lambda);
      }
    }
  }
  let sorted = [...breaks].sort((a, b) => a - b);
  if (sorted.length > maxPoints) sorted = Array.from({ length: maxPoints }, (_, i) => sorted[Math.floor((i * sorted.length) / maxPoints)] as number);
  const lambdas = [0, ...sorted.slice(1).map((value, i) => ((sorted[i] ?? 0) + value) / 2), (sorted.at(-1) ?? 0) * 2 + 1];
  return lambdas.map((lambda) => evaluateAt(matrix, [fit], lambda, mu, pair)).sort((a, b) => a.cost - b.cost || a.quality - b.quality || b.lambda - a.lambda);
}

function evaluateAt(matrix: PolicyMatrix, fits: readonly FoldFit[], lambda: number, mu: number, pair: { readonly strong: number; readonly weak: number } | undefined): HeldOutPoint {
  let score = 0;
  let scored = 0;
  let cost = 0;
  let strong = 0;
  let tasks = 0;
  for (const fit of fits) {
    const columns = fit.fitted.map((entry) => choose(entry.segment, lambda, mu));
    fit.tasks.forEach((t, i) => {
      const column = columns[fit.segments[i] ?? 0] ?? 0;
      const cell = matrix.cells[t]?.[column];
      tasks += 1;
      cost += cell?.cost ?? 0;
      if (cell?.score !== null && cell?.score !== undefined) {
        score += cell.score;
        scored += 1;
      }
      if (pair !== undefined) strong += strongCalls(matrix, t, column, pair);
    });
  }
  const point = { lambda, quality: scored === 0 ? 0 : score / scored, cost: tasks === 0 ? 0 : cost / tasks };
  return pair === undefined ? point : { ...point, strongShare: tasks === 0 ? 0 : strong / tasks };
}

function choose(segment: Segment, lambda: number, mu: number): number {
  let best: Candidate | undefined;
  for (const candidate of utilityCandidates(segment.candidates, lambda)) {
    if (best === undefined) {
      best = candidate;
      continue;
    }
    const difference = utilityOf(candidate, lambda, mu) - utilityOf(best, lambda, mu);
    if (difference > 1e-12 || (Math.abs(difference) <= 1e-12 && (byCost(candidate, best) || candidate.column - best.column) < 0)) best = candidate;
  }
  return best?.column ?? 0;
}

/** Calls to the strong model a task makes on `column`: 1 on it, 0 on the weak one, the escalation rate on a cascade. */
function strongCalls(matrix: PolicyMatrix, t: number, column: number, pair: { readonly strong: number; readonly weak: number }): number {
  if (column === pair.strong) return 1;
  if (column === pair.weak) return 0;
  const cascade = matrix.models[column]?.cascade;
  const strongId = matrix.models[pair.strong]?.id;
  if (cascade === undefined || cascade.escalateTo !== strongId) return cascade?.first === strongId ? 1 : 0;
  const first = matrix.cells[t]?.[pair.weak];
  return 1 - (first?.checkPassRate ?? 0);
}
