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
  // Most breakpoints reorder models no segment chooses: many λ give the same choices, measured once.
  const measured = new Map<string, Omit<HeldOutPoint, 'lambda'>>();
  const table = createHeldOutTable(matrix, fit.tasks);
  return lambdas
    .map((lambda) => {
      const columns = fit.fitted.map((entry) => choose(entry.segment, lambda, mu));
      const key = columns.join(',');
      let figures = measured.get(key);
      if (figures === undefined) measured.set(key, (figures = measureChoices(matrix, fit, table, columns, pair)));
      return { lambda, ...figures };
    })
    .sort((a, b) => a.cost - b.cost || a.quality - b.quality || b.lambda - a.lambda);
}

/**
 * The held-out tasks' scores and costs, task-major (`NaN`: unknown). Each distinct set of choices
 * reads one column per held-out task, in task order: laid out by task, those reads stay together
 * in memory instead of striding through every column.
 */
interface HeldOutTable {
  readonly width: number;
  readonly score: Float64Array;
  readonly cost: Float64Array;
}

function createHeldOutTable(matrix: PolicyMatrix, tasks: readonly number[]): HeldOutTable {
  const width = matrix.columns.length;
  const score = new Float64Array(tasks.length * width);
  const cost = new Float64Array(tasks.length * width);
  matrix.columns.forEach((column, m) => {
    tasks.forEach((t, i) => {
      score[i * width + m] = column.score[t] ?? Number.NaN;
      cost[i * width + m] = column.cost[t] ?? Number.NaN;
    });
  });
  return { width, score, cost };
}

/** Held-out quality, cost and strong share when each segment routes to `columns[segment]`, summed in task order. */
function measureChoices(matrix: PolicyMatrix, fit: FoldFit, table: HeldOutTable, columns: readonly number[], pair: { readonly strong: number; readonly weak: number } | undefined): Omit<HeldOutPoint, 'lambda'> {
  let score = 0;
  let scored = 0;
  let cost = 0;
  let strong = 0;
  const strongCalls = pair === undefined ? undefined : columns.map((column) => strongCallsOf(matrix, column, pair));
  const chosen = Int32Array.from(columns, (column) => (column < table.width ? column : -1));
  const { width, score: scores, cost: costs } = table;
  const { tasks: heldOut, segments } = fit;
  for (let i = 0; i < heldOut.length; i += 1) {
    const segment = segments[i] ?? 0;
    const column = chosen[segment] ?? 0;
    const cellCost = column < 0 ? Number.NaN : (costs[i * width + column] as number);
    cost += Number.isNaN(cellCost) ? 0 : cellCost;
    const cellScore = column < 0 ? Number.NaN : (scores[i * width + column] as number);
    if (!Number.isNaN(cellScore)) {
      score += cellScore;
      scored += 1;
    }
    if (strongCalls !== undefined) strong += strongCalls[segment]?.(heldOut[i] as number) ?? 0;
  }
  const tasks = heldOut.length;
  const point = { quality: scored === 0 ? 0 : score / scored, cost: tasks === 0 ? 0 : cost / tasks };
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
function strongCallsOf(matrix: PolicyMatrix, column: number, pair: { readonly strong: number; readonly weak: number }): (t: number) => number {
  if (column === pair.strong) return () => 1;
  if (column === pair.weak) return () => 0;
  const cascade = matrix.models[column]?.cascade;
  const strongId = matrix.models[pair.strong]?.id;
  if (cascade === undefined || cascade.escalateTo !== strongId) return cascade?.first === strongId ? () => 1 : () => 0;
  const passRate = matrix.columns[pair.weak]?.checkPassRate;
  return (t) => {
    const rate = passRate?.[t] ?? Number.NaN;
    return 1 - (Number.isNaN(rate) ? 0 : rate);
  };
}
