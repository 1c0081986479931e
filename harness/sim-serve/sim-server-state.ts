import type { PriceTable } from '../cost/price-table.ts';
import type { SimFaultSequence } from '../sim/sim-fault-sequence.ts';
import type { SimOracle } from '../sim/sim-oracle.ts';
import type { ServedRecord } from './served-record.ts';
import type { ServerRateLimiter } from './server-rate-limiter.ts';
import type { SimFleet } from './sim-fleet.ts';

/** What every request handler of one server shares. */
export interface SimServerState {
  readonly fleet: SimFleet;
  readonly oracle: SimOracle;
  /** Multiplies simulated latency and Retry-After (0 = instant). */
  readonly timeScale: number;
  /** When set, requests must present this key. */
  readonly apiKey: string | undefined;
  readonly record: ServedRecord;
  readonly faults: SimFaultSequence;
  /** Per model id. */
  readonly limiters: ReadonlyMap<string, ServerRateLimiter>;
  /** Prices the server's own cost record where the fleet names none. */
  readonly priceTable: PriceTable;
  /** Aborts when the server closes: stalled and paced replies stop. */
  readonly closing: AbortSignal;
}
