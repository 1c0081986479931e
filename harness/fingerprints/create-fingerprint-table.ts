/**
 * A map from keys to numbers that holds no key: each key is kept as an 85-bit fingerprint in typed
 * arrays (20 bytes a slot, off the JS heap), for sets of millions of keys (task ids, stored
 * attempts) where a `Map` of strings cost 50 to 150 bytes a key and, live on the heap, raised the
 * garbage collector's limits for the rest of the process. Two different keys share a fingerprint
 * with odds of about n² / 2⁸⁶ (10⁻¹³ at a million keys); callers say what that would cost.
 */
export interface FingerprintTable {
  readonly size: number;
  /** The number stored for the key made of `parts`, or `undefined`. */
  get(parts: readonly string[]): number | undefined;
  /** Stores `value` for the key, unless it has one; returns the value it has now. */
  add(parts: readonly string[], value: number): number;
  /** Keeps only the entries whose value passes `keep`. */
  retain(keep: (value: number) => boolean): void;
}

export function createFingerprintTable(expected = 0): FingerprintTable {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  let lanes = new Uint32Array(capacity * 3);
  let values = new Float64Array(capacity);
  let size = 0;
  /** The slot of the fingerprint in `print`, or the empty slot where it would go. */
  const find = (a: number, b: number, c: number): number => {
    const mask = capacity - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      if (lanes[at + 2] === 0 || (lanes[at] === a && lanes[at + 1] === b && lanes[at + 2] === c)) return slot;
    }
  };
  const put = (a: number, b: number, c: number, value: number): number => {
    const slot = find(a, b, c);
    if (lanes[slot * 3 + 2] !== 0) return values[slot] ?? value;
    lanes[slot * 3] = a;
    lanes[slot * 3 + 1] = b;
    lanes[slot * 3 + 2] = c;
    values[slot] = value;
    size += 1;
    return value;
  };
  const rebuild = (newCapacity: number, keep: (value: number) => boolean) => {
    const [oldLanes, oldValues] = [lanes, values];
    capacity = newCapacity;
    lanes = new Uint32Array(capacity * 3);
    values = new Float64Array(capacity);
    size = 0;
    for (let slot = 0; slot < oldValues.length; slot += 1) {
      const value = oldValues[slot] ?? 0;
      if (oldLanes[slot * 3 + 2] !== 0 && keep(value)) put(oldLanes[slot * 3] ?? 0, oldLanes[slot * 3 + 1] ?? 0, oldLanes[slot * 3 + 2] ?? 0, value);
    }
  };
  return {
    get size() {
      return size;
    },
    get(parts) {
      fingerprint(parts);
      const slot = find(print[0] ?? 0, print[1] ?? 0, print[2] ?? 0);
      return lanes[slot * 3 + 2] === 0 ? undefined : values[slot];
    },
    add(parts, value) {
      if ((size + 1) * 4 > capacity * 3) rebuild(capacity * 2, () => true);
      fingerprint(parts);
      return put(print[0] ?? 0, print[1] ?? 0, print[2] ?? 0, value);
    },
    retain: (keep) => rebuild(capacity, keep),
  };
}

/** The fingerprint of the last key: three 32-bit lanes, the third never 0 (0 marks an empty slot). */
const print = new Uint32Array(3);

/** cyrb53 (two lanes) and FNV-1a (the third) over the parts, each followed by a NUL, without joining them. */
function fingerprint(parts: readonly string[]): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let h3 = 0x811c9dc5;
  for (const part of parts) {
    for (let index = 0; index <= part.length; index += 1) {
      const code = index === part.length ? 0 : part.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
      h3 = Math.imul(h3 ^ code, 16777619);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  print[0] = h1;
  print[1] = h2;
  print[2] = (h3 ^ (h3 >>> 15)) | 1;
}
