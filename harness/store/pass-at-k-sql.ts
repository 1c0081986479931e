/**
 * SQL for the unbiased pass@k estimator (Chen et al., 2021): 1 − C(n−c, k) / C(n, k), the chance
 * that at least one of k samples passes, given c passes among n samples of a task. Binomials go
 * through `lgamma` so that large n stays finite. Arguments are SQL expressions.
 */
export function passAtKSql(n: string, c: string, k: string): string {
  return `CASE WHEN ${n} - ${c} < ${k} THEN 1.0
               ELSE 1.0 - exp(lgamma(${n} - ${c} + 1) + lgamma(${n} - ${k} + 1) - lgamma(${n} - ${c} - ${k} + 1) - lgamma(${n} + 1)) END`;
}

/** SQL for pass^k, the chance that all k samples pass: C(c, k) / C(n, k). */
export function passHatKSql(n: string, c: string, k: string): string {
  return `CASE WHEN ${c} < ${k} THEN 0.0
               ELSE exp(lgamma(${c} + 1) + lgamma(${n} - ${k} + 1) - lgamma(${c} - ${k} + 1) - lgamma(${n} + 1)) END`;
}
