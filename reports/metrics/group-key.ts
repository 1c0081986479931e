/** Identifies a (run, model, category) group; `category: null` is the model's all-categories group. */
export function groupKey(row: { readonly run_id: string; readonly model_id: string; readonly category: string | null }): string {
  return JSON.stringify([row.run_id, row.model_id, row.category]);
}
