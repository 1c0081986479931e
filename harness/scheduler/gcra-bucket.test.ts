import { describe, expect, it } from 'vitest';
import { createGcraBucket } from './gcra-bucket.ts';

/** Starts of `count` back-to-back reservations of `cost`, all requested at time 0. */
function reserveAll(perMinute: number, cost: number, count: number): number[] {
  const bucket = createGcraBucket(perMinute);
  return Array.from({ length: count }, () => {
    const start = bucket.earliestStart(0, cost);
    bucket.commit(start, cost);
    return start;
  });
}

describe('createGcraBucket', () => {
  it('allows one second of units at once, then paces them', () => {
    expect(reserveAll(300, 1, 7)).toEqual([0, 0, 0, 0, 0, 200, 400]);
  });

  it('allows at least one unit at once below 60 per minute', () => {
    expect(reserveAll(30, 1, 3)).toEqual([0, 2_000, 4_000]);
  });

  it('moves every future start later by a shift', () => {
    const bucket = createGcraBucket(60);
    bucket.commit(bucket.earliestStart(0, 1), 1);
    bucket.shift(0, 500);
    expect(bucket.earliestStart(0, 1)).toBe(1_500);
  });

  it('refunds with a negative adjustment', () => {
    const bucket = createGcraBucket(60);
    bucket.commit(0, 5);
    expect(bucket.earliestStart(0, 1)).toBe(5_000);
    bucket.adjust(-4);
    expect(bucket.earliestStart(0, 1)).toBe(1_000);
  });

  it('reports what is available now and when it is full again', () => {
    const bucket = createGcraBucket(300);
    expect(bucket.available(0)).toBe(5);
    bucket.commit(0, 3);
    expect(bucket.available(0)).toBe(2);
    expect(bucket.fullAt(0)).toBe(600);
    expect(bucket.available(600)).toBe(5);
  });

  it('keeps what is owed as time when the rate changes, so a faster rate frees no burst at once', () => {
    const bucket = createGcraBucket(600);
    bucket.drain(0);
    expect(bucket.earliestStart(0, 1)).toBe(100);
    bucket.setRate(1_200);
    // Still full again at 1 000 ms: the next unit waits one new interval, and no burst appears.
    expect(bucket.fullAt(0)).toBe(1_000);
    expect(bucket.earliestStart(0, 1)).toBe(50);
    expect(bucket.available(0)).toBe(0);
    bucket.setRate(300);
    expect(bucket.earliestStart(0, 1)).toBe(200);
  });

  it('leaves no burst after a drain: the next unit conforms one interval later', () => {
    const bucket = createGcraBucket(600);
    bucket.drain(5_000);
    expect(bucket.available(5_000)).toBe(0);
    expect(bucket.earliestStart(5_000, 1)).toBe(5_100);
    expect(bucket.earliestStart(5_000, 2)).toBe(5_200);
  });
});
