import { createFingerprintTable } from '../fingerprints/create-fingerprint-table.ts';

/** The attempts a run already stored, asked per planned attempt when it resumes. */
export interface DoneKeys {
  readonly size: number;
  has(suiteId: string, taskId: string, modelId: string, repeat: number): boolean;
}

/**
 * Stored attempt keys as fingerprints (20 bytes a key): a `Set` of key strings cost about 150 MB
 * at a million stored attempts. A fingerprint shared by two keys (odds about 10⁻¹³ at a million)
 * would skip one attempt on resume.
 */
export function createDoneKeySet(expected: number): DoneKeys & { add(suiteId: string, taskId: string, modelId: string, repeat: number): void } {
  const table = createFingerprintTable(expected);
  return {
    get size() {
      return table.size;
    },
    add: (suiteId, taskId, modelId, repeat) => void table.add([suiteId, taskId, modelId, String(repeat)], 0),
    has: (suiteId, taskId, modelId, repeat) => table.get([suiteId, taskId, modelId, String(repeat)]) !== undefined,
  };
}
