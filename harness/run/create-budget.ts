/**
 * A spending cap shared by every model of a run. Each attempt reserves its worst-case cost
 * before it is scheduled and settles at its stored cost, so `spent + reserved` never passes the
 * cap as long as the estimates are upper bounds. When the next attempt does not fit it waits
 * for in-flight attempts to settle (they usually cost less than reserved); when it still does
 * not fit with nothing in flight, the budget stops and every later reservation fails.
 */
export interface Budget {
  /** Resolves `true` when `estimateUsd` was reserved, `false` once the budget has stopped. */
  reserve(estimateUsd: number): Promise<boolean>;
  /** Releases a reservation and adds what the attempt cost (`null`: unknown, counted at the estimate). */
  settle(estimateUsd: number, costUsd: number | null): void;
  /** Releases a reservation whose attempt was abandoned (nothing stored, nothing billed as far as baton knows). */
  release(estimateUsd: number): void;
  /** Adds spending made outside reservations (judge calls). */
  addSpent(costUsd: number): void;
  /** Whether an attempt was refused for lack of budget. */
  readonly stopped: boolean;
  /** Cost settled so far, resumed attempts included. */
  readonly spentUsd: number;
  /** Sum of the estimates of attempts in flight. */
  readonly reservedUsd: number;
}

/** A budget of `capUsd` of which `spentUsd` is already spent (a resumed run's stored cost). */
export function createBudget(capUsd: number, spentUsd = 0): Budget {
  let spent = spentUsd;
  let reserved = 0;
  let inFlight = 0;
  let stopped = false;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };
  const release = (estimateUsd: number) => {
    reserved = Math.max(0, reserved - estimateUsd);
    inFlight -= 1;
    wake();
  };
  return {
    async reserve(estimateUsd) {
      for (;;) {
        if (stopped) return false;
        if (spent + reserved + estimateUsd <= capUsd) {
          reserved += estimateUsd;
          inFlight += 1;
          return true;
        }
        if (inFlight === 0) {
          stopped = true;
          wake();
          return false;
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    settle(estimateUsd, costUsd) {
      spent += costUsd ?? estimateUsd;
      release(estimateUsd);
    },
    release,
    addSpent(costUsd) {
      spent += costUsd;
    },
    get stopped() {
      return stopped;
    },
    get spentUsd() {
      return spent;
    },
    get reservedUsd() {
      return reserved;
    },
  };
}
