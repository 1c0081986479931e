/** A point on the cost-quality plane. */
export interface PolicyPoint {
  readonly label: string;
  readonly quality: number;
  /** USD per task; `null` when some routed model has no price. */
  readonly costPerTask: number | null;
  /** `in-sample`: computed here from the run the policy may have been fitted on; `held-out`: as the policy file reports it. */
  readonly basis: 'in-sample' | 'held-out';
}

/** The learned routing policy set against the best single model. */
export interface PolicySummary {
  readonly file: string;
  readonly objective: string | null;
  /** category → model, as routed by the policy (the default route fills the gaps). */
  readonly routes: readonly { readonly category: string; readonly modelId: string }[];
  readonly points: readonly PolicyPoint[];
}
