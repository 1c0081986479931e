import { dirname } from 'node:path';
import { createCheck } from '../checks/create-check.ts';
import type { Check } from '../checks/check.ts';
import type { ScorerSpec } from '../core/scorer-spec.ts';
import type { Suite } from '../core/suite.ts';
import { createScorer } from './create-scorer.ts';
import type { JudgeClient } from './judge-client.ts';
import type { Scorer } from './scorer.ts';

/** Scorers and checks of a run, built once per (suite folder, spec) and shared by every attempt. */
export interface ScoringCache {
  scorerFor(suite: Suite, spec: ScorerSpec): Scorer;
  checkFor(suite: Suite): Check | undefined;
}

/**
 * The cache key holds the suite's folder because `custom` modules resolve from it: the same spec in
 * two suites may name two different files.
 */
export function createScoringCache(judge: JudgeClient | undefined): ScoringCache {
  const scorers = new Map<string, Scorer>();
  const checks = new Map<string, Check>();
  // Asked once per attempt: found by identity first (tasks share their suite's default spec
  // object), so the hot path serialises nothing.
  const bySpec = new WeakMap<Suite, WeakMap<ScorerSpec, Scorer>>();
  const bySuite = new WeakMap<Suite, Check | undefined>();
  const buildScorer = (suite: Suite, spec: ScorerSpec): Scorer => {
    const baseDir = dirname(suite.file);
    const key = `${baseDir}\u0000${JSON.stringify(spec)}`;
    let scorer = scorers.get(key);
    if (scorer === undefined) {
      scorer = createScorer(spec, { baseDir, judge });
      scorers.set(key, scorer);
    }
    return scorer;
  };
  const buildCheck = (suite: Suite): Check | undefined => {
    if (suite.check === undefined) return undefined;
    const key = JSON.stringify(suite.check);
    let check = checks.get(key);
    if (check === undefined) {
      check = createCheck(suite.check);
      checks.set(key, check);
    }
    return check;
  };
  return {
    scorerFor(suite, spec) {
      let specs = bySpec.get(suite);
      if (specs === undefined) bySpec.set(suite, (specs = new WeakMap()));
      let scorer = specs.get(spec);
      if (scorer === undefined) specs.set(spec, (scorer = buildScorer(suite, spec)));
      return scorer;
    },
    checkFor(suite) {
      if (!bySuite.has(suite)) bySuite.set(suite, buildCheck(suite));
      return bySuite.get(suite);
    },
  };
}
