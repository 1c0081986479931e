/**
 * A file written next to the policy: `results/policy.json` → `results/policy.evaluation.json`,
 * `results/policy.frontier.json`, `results/policy.frontier.vl.json`.
 */
export function siblingPath(policyFile: string, suffix: 'evaluation' | 'frontier' | 'frontier.vl'): string {
  const base = policyFile.endsWith('.json') ? policyFile.slice(0, -'.json'.length) : policyFile;
  return `${base}.${suffix}.json`;
}
