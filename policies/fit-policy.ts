import { InputError } from '../harness/core/input-error.ts';
import type { Policy } from '../harness/core/policy-schema.ts';
import { assemblePolicy, type PolicyOrigin } from './assemble-policy.ts';
import { learnKeywordClassifier } from './classifier/learn-keyword-classifier.ts';
import { fitTable } from './fit/fit-table.ts';
import type { LearnerOptions } from './fit/learner-options.ts';
import { computeDeviations } from './fit/shrink-estimates.ts';
import { addCascadeColumns } from './matrix/add-cascade-columns.ts';
import type { PolicyMatrix } from './matrix/policy-matrix.ts';

/**
 * Fits a routing policy to a measured matrix: one route per category (and per constrained tag
 * set or prompt band where that changes the choice), a default route, fallback chains, cascades
 * where they win, keyword rules for routers without categories, and provenance. Deterministic:
 * the same matrix, options and origin give the same policy. `source` names the data in errors
 * (e.g. the database path).
 */
export function fitPolicy(matrix: PolicyMatrix, options: LearnerOptions, origin: PolicyOrigin, source: string): Policy {
  if (matrix.tasks.length === 0) throw new InputError([{ file: source, path: '', message: 'the selected runs hold no tasks', fix: 'pick runs with attempts (--run ID)' }]);
  const columns = options.cascades ? addCascadeColumns(matrix) : matrix;
  const train = columns.tasks.map((_, t) => t);
  const table = fitTable(columns, computeDeviations(columns), train, options, source);
  const classifier = options.classifier ? learnKeywordClassifier(columns, { seed: options.seed }) : undefined;
  return assemblePolicy(columns, table, options, origin, classifier);
}
