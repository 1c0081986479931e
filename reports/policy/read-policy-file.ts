import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** What the report takes from a policy file: routes by category and any evaluation figures. */
export interface PolicyFile {
  readonly objective: string | null;
  readonly routes: readonly { readonly category: string; readonly modelId: string }[];
  readonly defaultModelId: string | null;
  /** Held-out figures the learner wrote, by name (`policy`, `best_single`, `oracle`, `random`, ...). */
  readonly evaluation: readonly { readonly name: string; readonly quality: number; readonly costPerTask: number | null }[];
}

// Lenient on purpose: the policy format evolves in its own module (issue 6), so this reader takes
// the few fields it needs under the spellings such a file plausibly uses and ignores the rest.
const text = z.string().min(1);
const number = z.union([z.number(), z.object({ estimate: z.number() }).transform((value) => value.estimate)]);
const modelRef = z.union([text, z.object({ id: text }).transform((model) => model.id), z.object({ model_id: text }).transform((model) => model.model_id), z.object({ model: text }).transform((model) => model.model)]);
const categories = z.union([text.transform((category) => [category]), z.array(text)]);
// Routes that match more narrowly than a category (tags, prompt length) are left out: the report
// credits answers per category, and a narrower route must not stand for its whole category.
const RouteSchema = z.object({
  match: z.strictObject({ category: categories.optional(), categories: categories.optional() }).optional(),
  category: categories.optional(),
  model: modelRef.optional(),
  model_id: text.optional(),
  target: modelRef.optional(),
});
const PointSchema = z.object({ quality: number, cost_per_task: number.nullable().optional(), cost_per_task_usd: number.nullable().optional(), costPerTask: number.nullable().optional() });
const PolicySchema = z.object({
  objective: z.union([text, z.object({ name: text }).transform((objective) => objective.name), z.object({ type: text }).transform((objective) => objective.type)]).optional().catch(undefined),
  routes: z.array(z.unknown()).optional().catch(undefined),
  default: z.union([modelRef, z.object({ route: z.object({ model: modelRef }) }).transform((value) => value.route.model)]).optional().catch(undefined),
  evaluation: z.unknown().optional(),
});

/**
 * Reads a routing policy file tolerantly: unknown fields are ignored and routes it cannot read
 * (tag-only matches, say) are skipped. Throws only when the file is not JSON or holds no route.
 */
export function readPolicyFile(path: string): PolicyFile {
  const policy = PolicySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const routes = (policy.routes ?? []).flatMap((entry) => {
    const route = RouteSchema.safeParse(entry);
    if (!route.success) return [];
    const modelId = route.data.model ?? route.data.model_id ?? route.data.target;
    const matched = route.data.match?.category ?? route.data.match?.categories ?? route.data.category ?? [];
    return modelId === undefined ? [] : matched.map((category) => ({ category, modelId }));
  });
  if (routes.length === 0 && policy.default === undefined) throw new Error('it holds no route by category and no default model');
  return { objective: policy.objective ?? null, routes, defaultModelId: policy.default ?? null, evaluation: readEvaluation(policy.evaluation ?? readSiblingEvaluation(path)) };
}

function readEvaluation(evaluation: unknown): PolicyFile['evaluation'] {
  const entries: [string, unknown][] = Array.isArray(evaluation)
    ? evaluation.map((entry, index) => [z.object({ name: text }).safeParse(entry).data?.name ?? `#${index + 1}`, entry])
    : typeof evaluation === 'object' && evaluation !== null
      ? Object.entries(evaluation)
      : [];
  return entries.flatMap(([name, value]) => {
    const point = PointSchema.safeParse(value);
    if (!point.success) return [];
    return [{ name, quality: point.data.quality, costPerTask: point.data.cost_per_task ?? point.data.cost_per_task_usd ?? point.data.costPerTask ?? null }];
  });
}

/** Held-out figures that `baton fit --evaluate` writes beside the policy: `policy.json` → `policy.evaluation.json`. */
function readSiblingEvaluation(path: string): unknown {
  const sibling = path.replace(/(\.json)?$/, '.evaluation.json');
  if (!existsSync(sibling)) return undefined;
  const parsed = z.record(z.string(), z.unknown()).safeParse(JSON.parse(readFileSync(sibling, 'utf8')));
  if (!parsed.success) return undefined;
  const names = ['policy', 'best_single', 'oracle', 'random'];
  return Object.fromEntries(Object.entries(parsed.data).filter(([name]) => names.includes(name)));
}
