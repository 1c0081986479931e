import { z } from 'zod';
import type { Store } from './store.ts';
import { passAtKSql, passHatKSql } from './pass-at-k-sql.ts';
import { perTaskOutcomesSql } from './per-task-outcomes.ts';

const count = z.union([z.bigint(), z.number()]).transform(Number);
const PassAtKRowSchema = z.object({
  model_id: z.string(),
  category: z.string().nullable(),
  k: count,
  /** Tasks with at least k answered samples (the others cannot say anything about k). */
  tasks: count,
  pass_at_k: z.number(),
  pass_hat_k: z.number(),
});

/** pass@k and pass^k of one model (per category, or over all of them when `category` is null). */
export type PassAtKRow = z.output<typeof PassAtKRowSchema>;

/**
 * pass@k (the chance that at least one of k samples passes) with the unbiased estimator of Chen et
 * al. (2021), 1 − C(n−c, k) / C(n, k), and pass^k (the chance that all k pass), C(c, k) / C(n, k),
 * averaged over tasks with n ≥ k answered samples. Binomials go through `lgamma` so that large n
 * stays exact to floating point.
 */
export async function readPassAtK(store: Store, runId: string, ks: readonly number[], by: 'model' | 'category' = 'model'): Promise<PassAtKRow[]> {
  for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new RangeError(`Expected \`k\` to be an integer ≥ 1, got \`${k}\``);
  if (ks.length === 0) return [];
  const category = by === 'category' ? 'category' : 'NULL::VARCHAR';
  const reader = await store.connection.runAndReadAll(
    `WITH per_task AS (${perTaskOutcomesSql}),
          ks(k) AS (VALUES ${ks.map((k) => `(${k})`).join(', ')})
     SELECT model_id, ${category} AS category, k, count(*) AS tasks,
            avg(${passAtKSql('n', 'c', 'k')}) AS pass_at_k,
            avg(${passHatKSql('n', 'c', 'k')}) AS pass_hat_k
       FROM per_task CROSS JOIN ks
      WHERE n >= k
      GROUP BY ALL
      ORDER BY model_id, category NULLS FIRST, k`,
    { runId },
  );
  return reader.getRowObjectsJS().map((row) => PassAtKRowSchema.parse(row));
}
