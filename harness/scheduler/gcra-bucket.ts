/**
 * One rate bucket in GCRA form (generic cell rate algorithm, virtual scheduling). Instead of a token
 * count it keeps a single number, the theoretical arrival time (TAT): the moment the bucket would be
 * full again if nothing more were taken. Every operation is O(1), and because each reservation moves
 * the TAT forward, reservations are served in the order they were made.
 *
 * Units are paced at `perMinute / 60` per second. The burst tolerance is one second's worth of units,
 * but never less than one unit, so a bucket allows `max(1, perMinute / 60)` units at once when full.
 */
export interface GcraBucket {
  /**
   * Earliest time, at or after `earliest`, when `cost` units conform. Reserves nothing. A cost larger
   * than the burst waits for a full bucket and then goes alone, so it is always admitted.
   */
  earliestStart(earliest: number, cost: number): number;
  /** Charges `cost` units to a start at `start`, which must be at or after `earliestStart(…)`. */
  commit(start: number, cost: number): void;
  /** Charges `cost` more units (refunds when negative) once real usage is known. */
  adjust(cost: number): void;
  /** Freezes the bucket from `at` for `delta` ms: every future start moves `delta` later. */
  shift(at: number, delta: number): void;
  /** Whole units that conform at `at` without waiting: what rate-limit headers call "remaining". */
  available(at: number): number;
  /** When the bucket is full again if nothing more is taken: what rate-limit headers call "reset". */
  fullAt(at: number): number;
  /**
   * Changes the rate. What is owed is kept as time, not units: a bucket that was full again at some
   * moment still is then. So raising the rate never frees a burst at once (a drained bucket stays
   * drained while the rate creeps up), and lowering it is followed by a {@link drain} when needed.
   */
  setRate(perMinute: number): void;
  /** Empties the bucket at `at`: no burst is left, and the next unit conforms one interval later. */
  drain(at: number): void;
}

/**
 * Creates a bucket for `perMinute` units per minute (a finite number > 0). `burstMs` sets the burst
 * tolerance in time: `burstMs` worth of units at once (default one second's worth, at least one unit).
 */
export function createGcraBucket(perMinute: number, burstMs = 1_000): GcraBucket {
  let interval = 60_000 / perMinute;
  let window = Math.max(burstMs, interval);
  // -Infinity: a new bucket is full, whatever clock the caller uses.
  let tat = Number.NEGATIVE_INFINITY;

  return {
    earliestStart(earliest, cost) {
      const base = Math.max(tat, earliest);
      return Math.max(earliest, Math.min(base, base + cost * interval - window));
    },
    commit(start, cost) {
      tat = Math.max(tat, start) + cost * interval;
    },
    adjust(cost) {
      tat += cost * interval;
    },
    shift(at, delta) {
      tat = Math.max(tat, at) + delta;
    },
    available(at) {
      return Math.max(0, Math.floor((window - (Math.max(tat, at) - at)) / interval));
    },
    fullAt(at) {
      return Math.max(tat, at);
    },
    setRate(newPerMinute) {
      interval = 60_000 / newPerMinute;
      window = Math.max(burstMs, interval);
    },
    drain(at) {
      tat = Math.max(tat, at + window);
    },
  };
}
