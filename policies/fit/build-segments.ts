import { InputError } from '../../harness/core/input-error.ts';
import { compareText } from '../compare-text.ts';
import type { PolicyMatrix } from '../matrix/policy-matrix.ts';
import type { RuleContext } from '../router/broken-rule.ts';
import { describeIneligible, findIneligibility, type Ineligibility } from './find-ineligibility.ts';
import type { LearnerOptions } from './learner-options.ts';
import { measureColumn } from './measure-column.ts';
import { splitPromptBands } from './split-prompt-bands.ts';
import { splitScoreBands } from '../scorer/split-score-bands.ts';
import type { PromptScorer } from '../../harness/core/prompt-scorer-schema.ts';
import type { Segment, SegmentKey } from './segment.ts';
import { shrinkGroups, type Deviations } from './shrink-estimates.ts';

/**
 * The segments a policy routes, measured on `train` tasks, in a fixed order: the default (all
 * tasks), then per constrained tag set, per category, per category and tag set, per category and
 * prompt band, per prompt-score band (with the scorer that places requests in them). Category
 * estimates are pooled toward the whole, prompt-length bands toward their category, score bands
 * toward the whole. Throws an InputError naming every segment no model may serve.
 */
export function buildSegments(matrix: PolicyMatrix, deviations: Deviations, train: readonly number[], options: LearnerOptions, source: string): { segments: Segment[]; scorer: PromptScorer | undefined } {
  const columns = matrix.models.map((_, m) => m);
  const top = shrinkGroups(deviations, [train], [new Float64Array(columns.length)], 0);
  const byCategory = new Map<string, number[]>();
  for (const t of train) {
    const category = matrix.tasks[t]?.category ?? '';
    const list = byCategory.get(category);
    if (list === undefined) byCategory.set(category, [t]);
    else list.push(t);
  }
  const categories = [...byCategory.keys()].sort();
  const groups = categories.map((category) => byCategory.get(category) ?? []);
  const level1 = shrinkGroups(deviations, groups, groups.map(() => top.deviation[0] ?? new Float64Array(columns.length)), options.shrinkage);
  const segments: Segment[] = [];
  const problems: string[] = [];
  const add = (key: SegmentKey, tasks: readonly number[], estimates: Float64Array, parent: number | undefined) => {
    const context: RuleContext = { category: key.category, tags: key.tags ?? [] };
    const candidates = [];
    const excluded: Ineligibility[] = [];
    for (const m of columns) {
      const measure = measureColumn(matrix, tasks, m);
      if (measure.n === 0) continue;
      const why = findIneligibility(matrix.models, measure, context, options);
      if (why === undefined) candidates.push({ ...measure, estimate: estimates[m] ?? measure.quality });
      else excluded.push(why);
    }
    if (candidates.length === 0) problems.push(`${describeKey(key)}: no eligible model (${describeIneligible(excluded) || 'no model scored any task'})`);
    segments.push({ key, tasks, candidates, excluded, parent });
    return segments.length - 1;
  };
  const root = add({}, train, top.quality[0] ?? new Float64Array(columns.length), undefined);
  const tagSets = constrainedTagSets(options);
  for (const tags of tagSets) add({ tags }, train, top.quality[0] ?? new Float64Array(columns.length), root);
  const categoryIndex = categories.map((category, g) => add({ category }, groups[g] ?? [], level1.quality[g] ?? new Float64Array(columns.length), root));
  categories.forEach((category, g) => {
    for (const tags of tagSets) add({ category, tags }, groups[g] ?? [], level1.quality[g] ?? new Float64Array(columns.length), categoryIndex[g]);
  });
  if (options.promptBands > 1) {
    categories.forEach((category, g) => {
      const bands = splitPromptBands(matrix, groups[g] ?? [], options.promptBands, options.minBandTasks);
      if (bands.length < 2) return;
      const pooled = shrinkGroups(deviations, bands.map((band) => band.tasks), bands.map(() => level1.deviation[g] ?? new Float64Array(columns.length)), options.shrinkage);
      bands.forEach((band, b) => add({ category, prompt_chars: band.band }, band.tasks, pooled.quality[b] ?? new Float64Array(columns.length), categoryIndex[g]));
    });
  }
  let scorer: PromptScorer | undefined;
  if (options.scoreBands > 1) {
    const split = splitScoreBands(matrix, train, options.scoreBands, options.minBandTasks, options.scoreL2, options.seed);
    if (split !== undefined) {
      scorer = split.scorer;
      const pooled = shrinkGroups(deviations, split.bands.map((band) => band.tasks), split.bands.map(() => top.deviation[0] ?? new Float64Array(columns.length)), options.shrinkage);
      split.bands.forEach((band, b) => add({ prompt_score: band.band }, band.tasks, pooled.quality[b] ?? new Float64Array(columns.length), root));
    }
  }
  if (problems.length > 0) {
    throw new InputError(problems.map((message) => ({ file: source, path: '', message, fix: 'relax --require, --max-p95-ms or --max-cost-per-1k, or add runs of an eligible model' })));
  }
  return { segments, scorer };
}

/** Tag sets that rules single out: every non-empty subset of up to 3 rule tags, else each tag alone. */
function constrainedTagSets(options: LearnerOptions): string[][] {
  const tags = [...new Set(options.require.flatMap((rule) => (rule.when !== undefined && 'tag' in rule.when ? [rule.when.tag] : [])))].sort();
  if (tags.length > 3) return tags.map((tag) => [tag]);
  const sets: string[][] = [];
  for (let mask = 1; mask < 1 << tags.length; mask += 1) sets.push(tags.filter((_, i) => (mask & (1 << i)) !== 0));
  return sets.sort((a, b) => a.length - b.length || compareText(a.join('\u0000'), b.join('\u0000')));
}

/** A segment in words, for messages: `category \`x\` with tags pii`. */
export function describeKey(key: SegmentKey): string {
  const parts = [key.category === undefined ? 'requests of any category' : `category \`${key.category}\``];
  if (key.tags !== undefined) parts.push(`tagged ${key.tags.map((tag) => `\`${tag}\``).join(' and ')}`);
  if (key.prompt_chars !== undefined) parts.push(`with prompts of ${key.prompt_chars.min ?? 0} to ${key.prompt_chars.max === undefined ? 'any number of' : key.prompt_chars.max - 1} characters`);
  if (key.prompt_score !== undefined) parts.push(`with a prompt score ${describeScoreBand(key.prompt_score)}`);
  return parts.join(' ');
}

/** A score band in words: `from 0.12 to below 0.3`. */
function describeScoreBand(band: { readonly min?: number; readonly max?: number }): string {
  if (band.min === undefined) return `below ${band.max ?? 0}`;
  return band.max === undefined ? `of ${band.min} or more` : `from ${band.min} to below ${band.max}`;
}
