import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, rounds to 6 significant digits, drops undefined, ends with a newline', () => {
    const text = canonicalJson({ b: 1, a: { d: [0.1 + 0.2, -0, 1234567.89], c: undefined, b: 'x' } });
    expect(text).toBe('{\n  "a": {\n    "b": "x",\n    "d": [\n      0.3,\n      0,\n      1234570\n    ]\n  },\n  "b": 1\n}\n');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow('Expected a finite number in canonical JSON, got `NaN`');
  });
});
