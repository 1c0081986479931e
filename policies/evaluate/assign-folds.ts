import type { PolicyMatrix } from '../matrix/policy-matrix.ts';

/**
 * Assigns each task to one of `k` folds, stratified by category (every category spread evenly
 * over the folds) and shuffled by a seeded hash of the task's key, so the folds are the same for
 * the same tasks and seed whatever order the tasks were stored in.
 */
export function assignFolds(matrix: PolicyMatrix, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`Expected \`folds\` to be an integer ≥ 2, got \`${k}\``);
  const byCategory = new Map<string, number[]>();
  matrix.tasks.forEach((task, t) => {
    const list = byCategory.get(task.category);
    if (list === undefined) byCategory.set(task.category, [t]);
    else list.push(t);
  });
  const folds = new Int32Array(matrix.tasks.length);
  for (const [category, tasks] of [...byCategory.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const keyed = tasks.map((t) => ({ t, hash: fnv1a(`${seed}\u0000${matrix.tasks[t]?.suiteId ?? ''}\u0000${matrix.tasks[t]?.taskId ?? ''}`) }));
    keyed.sort((a, b) => a.hash - b.hash || a.t - b.t);
    // Start each category at its own fold so that small categories do not all crowd fold 0.
    const offset = fnv1a(`${seed}\u0000${category}`) % k;
    keyed.forEach(({ t }, i) => (folds[t] = (i + offset) % k));
  }
  return folds;
}

/** 32-bit FNV-1a: a small, stable, well-spread hash for shuffling keys. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
