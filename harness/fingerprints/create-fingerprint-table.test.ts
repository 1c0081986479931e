import { describe, expect, it } from 'vitest';
import { createFingerprintTable } from './create-fingerprint-table.ts';

describe('fingerprint table', () => {
  it('keeps the first value of each key, grows, and tells keys made of different parts apart', () => {
    const table = createFingerprintTable();
    for (let index = 0; index < 50_000; index += 1) expect(table.add([`task-${index}`], index)).toBe(index);
    expect(table.size).toBe(50_000);
    expect(table.add(['task-123'], 7)).toBe(123);
    expect(table.get(['task-49999'])).toBe(49_999);
    expect(table.get(['task-50000'])).toBeUndefined();
    // Parts are kept apart: ("ab", "c") is not ("a", "bc").
    table.add(['ab', 'c'], -1);
    expect(table.get(['a', 'bc'])).toBeUndefined();
    expect(table.get(['ab', 'c'])).toBe(-1);
  });

  it('drops the entries a filter rejects and keeps finding the others', () => {
    const table = createFingerprintTable(10);
    for (let index = 0; index < 1000; index += 1) table.add([String(index)], index);
    table.retain((value) => value % 3 !== 0);
    expect(table.size).toBe(666);
    expect(table.get(['3'])).toBeUndefined();
    expect(table.get(['4'])).toBe(4);
    expect(table.add(['3'], 30)).toBe(30);
  });
});
