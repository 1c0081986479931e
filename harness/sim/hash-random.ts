/**
 * Deterministic randomness for the simulator: the same parts always give the same number,
 * so answers depend only on (seed, task, model, repeat), never on scheduling order.
 */

/** A 32-bit hash of the parts (cyrb53-style mixing, truncated). */
export function hash32(...parts: readonly (string | number)[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    // Each part is hashed as its text followed by a NUL, without building that string: this runs
    // several times per attempt.
    const text = typeof part === 'string' ? part : String(part);
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1, 2654435761);
    h2 = Math.imul(h2, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** A uniform number in (0, 1) from the parts; never exactly 0 or 1, so it is safe for inverse CDFs. */
export function hashUnit(...parts: readonly (string | number)[]): number {
  return (hash32(...parts) + 0.5) / 4294967296;
}

/** A seeded generator (mulberry32) for sequences such as backoff jitter. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
