import { normalCdf } from '../sim/normal.ts';

/** Outcome of McNemar's test on paired pass/fail outcomes. */
export interface McNemarResult {
  /** Pairs where only the first passed. */
  readonly onlyFirst: number;
  /** Pairs where only the second passed. */
  readonly onlySecond: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  readonly method: 'exact' | 'chi-square';
}

/**
 * McNemar's test: are two models' pass rates on the same tasks different? Only discordant
 * pairs carry information. Exact binomial below 25 discordant pairs, else chi-square with
 * continuity correction (the textbook rule).
 */
export function mcnemarTest(onlyFirst: number, onlySecond: number): McNemarResult {
  const discordant = onlyFirst + onlySecond;
  if (discordant === 0) return { onlyFirst, onlySecond, pValue: 1, method: 'exact' };
  if (discordant < 25) {
    const k = Math.min(onlyFirst, onlySecond);
    let tail = 0;
    for (let i = 0; i <= k; i += 1) tail += binomialHalf(discordant, i);
    return { onlyFirst, onlySecond, pValue: Math.min(1, 2 * tail), method: 'exact' };
  }
  const statistic = (Math.abs(onlyFirst - onlySecond) - 1) ** 2 / discordant;
  return { onlyFirst, onlySecond, pValue: 2 * (1 - normalCdf(Math.sqrt(statistic))), method: 'chi-square' };
}

/** P(X = k) for X ~ Binomial(n, 1/2), computed in log space to stay finite for large n. */
function binomialHalf(n: number, k: number): number {
  let logChoose = 0;
  for (let i = 1; i <= k; i += 1) logChoose += Math.log(n - k + i) - Math.log(i);
  return Math.exp(logChoose - n * Math.LN2);
}
