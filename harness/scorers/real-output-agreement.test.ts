import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScorerSpecSchema } from '../core/scorer-spec.ts';
import { createScorer } from './create-scorer.ts';

/**
 * baton's scorers against real model outputs recorded by the pricing-reversal study (MIT), read
 * from the shared data folder next to the repository, never copied into it.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const rawDir = join(resolve(repoRoot, '../shared/data'), 'pricing-reversal', 'raw');
const available = existsSync(rawDir);

const RecordsSchema = z.object({
  records: z.array(z.object({ index: z.coerce.string(), raw_output: z.string(), ground_truth: z.coerce.string(), score: z.coerce.number() })),
});

/** Share of records where baton's verdict equals the recorded one, and the records where it does not. */
async function agreement(dataset: string, spec: unknown) {
  const scorer = createScorer(ScorerSpecSchema.parse(spec));
  let total = 0;
  const disagreements: string[] = [];
  for (const file of readdirSync(rawDir).filter((name) => name.startsWith(`${dataset}-`) && name.endsWith('.json'))) {
    const { records } = RecordsSchema.parse(JSON.parse(readFileSync(join(rawDir, file), 'utf8')));
    for (const record of records) {
      total += 1;
      const score = await scorer({ expected: record.ground_truth, vars: {} }, record.raw_output);
      if (score.passed !== record.score >= 0.5) disagreements.push(`${file} #${record.index}: recorded ${record.score}, baton ${score.passed ? 1 : 0} (${score.explanation})`);
    }
  }
  return { total, rate: (total - disagreements.length) / total, disagreements };
}

const title = available ? 'agreement with recorded scores on real outputs' : `agreement with recorded scores on real outputs: SKIPPED, ${rawDir} is absent`;

describe(title, () => {
  it.skipIf(!available)('numeric agrees with aime on at least 97% of 480 outputs', async () => {
    const result = await agreement('aime', { type: 'numeric' });
    expect(result.total).toBe(480);
    expect(result.rate, result.disagreements.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it.skipIf(!available)('choice agrees with gpqa on at least 97% of 1,584 outputs', async () => {
    const result = await agreement('gpqa', { type: 'choice', choices: ['A', 'B', 'C', 'D'] });
    expect(result.total).toBe(1584);
    expect(result.rate, result.disagreements.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it.skipIf(!available)('numeric (LaTeX) agrees with livemathbench on at least 95% of 967 outputs', async () => {
    // Every remaining disagreement is an answer the recorded grader rejected although it equals the
    // ground truth (`18` for `n=18`, `115°` for `115^\circ`, `(6,\infty)` for `(6,+\infty)`).
    const result = await agreement('livemathbench', { type: 'numeric' });
    expect(result.total).toBe(967);
    expect(result.rate, result.disagreements.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.disagreements.every((line) => line.includes('recorded 0, baton 1'))).toBe(true);
  });
});
