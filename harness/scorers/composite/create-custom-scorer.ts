import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Score } from '../../core/score.ts';
import type { CustomScorerSchema } from '../../core/program-scorer-specs.ts';
import type { ScorableTask, ScorerContext, Scorer } from '../scorer.ts';

/** The function a custom scorer module exports. */
export type CustomScorerFunction = (task: ScorableTask, completion: string, options: Readonly<Record<string, unknown>>) => unknown;

const ScoreLikeSchema = z.union([
  z.number().min(0).max(1),
  z.boolean(),
  z.object({
    value: z.number().min(0).max(1).optional(),
    passed: z.boolean().optional(),
    extracted: z.string().nullable().optional(),
    explanation: z.string().optional(),
  }),
]);

/**
 * Imports a scorer module. TypeScript goes through tsx's scoped `tsImport`, so it loads the same
 * whether baton runs from its sources (tsx registered) or from its build in dist/ (no loader).
 */
async function importModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  if (!/\.[cm]?tsx?$/.test(path)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** The named export; a `.ts` file outside an ESM package is compiled to CommonJS, whose exports sit on `default`. */
function findExport(module: Record<string, unknown>, name: string): unknown {
  if (typeof module[name] === 'function') return module[name];
  const commonJs = module.default;
  return typeof commonJs === 'object' && commonJs !== null ? (commonJs as Record<string, unknown>)[name] : undefined;
}

/**
 * `custom`: imports the module (relative to the suite file; TypeScript too) on first use and
 * calls its export with `(task, completion, options)`. It may return
 * a Score-like object, a number in [0, 1] (passes at 1) or a boolean, or a promise of one.
 */
export function createCustomScorer(spec: z.infer<typeof CustomScorerSchema>, context: ScorerContext): Scorer {
  const path = resolve(context.baseDir, spec.module);
  let loading: Promise<CustomScorerFunction> | undefined;
  return async (task, completion) => {
    loading ??= importModule(path).then((module: Record<string, unknown>) => {
      const candidate = findExport(module, spec.export);
      if (typeof candidate !== 'function') throw new Error(`${spec.module} has no function export \`${spec.export}\``);
      return candidate as CustomScorerFunction;
    });
    const scorer = await loading;
    const result = ScoreLikeSchema.safeParse(await scorer(task, completion, spec.options));
    if (!result.success) throw new Error(`${spec.module} returned neither a Score, a number in [0, 1] nor a boolean`);
    return toScore(result.data, spec.module);
  };
}

function toScore(result: z.infer<typeof ScoreLikeSchema>, module: string): Score {
  if (typeof result === 'boolean') return { value: result ? 1 : 0, passed: result, extracted: null, explanation: `${module}: ${result ? 'pass' : 'fail'}` };
  if (typeof result === 'number') return { value: result, passed: result >= 1, extracted: null, explanation: `${module}: ${result}` };
  const value = result.value ?? (result.passed === true ? 1 : 0);
  const passed = result.passed ?? value >= 1;
  return { value, passed, extracted: result.extracted ?? null, explanation: result.explanation ?? `${module}: ${value}` };
}
