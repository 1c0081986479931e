import type { Usage } from '../core/provider-contract.ts';
import type { SimFaultKind } from '../sim/sim-behaviour.ts';

/** The wire formats `sim-serve` speaks. */
export type WireFormat = 'openai' | 'anthropic' | 'gemini';

/**
 * How one request ended at the server: `ok`, an injected fault, `rate_limited` (the server's own
 * per-model limits), a refused request, or `client_closed` (the client left before the end).
 */
export type ServedOutcome = 'ok' | SimFaultKind | 'rate_limited' | 'bad_request' | 'auth' | 'not_found' | 'client_closed';

/** One request as the server saw and answered it. */
export interface ServedEntry {
  /** Arrival order, from 1. */
  readonly sequence: number;
  /** Arrival time, epoch ms. */
  readonly receivedAt: number;
  readonly format: WireFormat;
  /** The model name the request used. */
  readonly model: string;
  /** The fleet model's config id, when the name was known. */
  readonly modelId: string | undefined;
  /** The attempt seed the request carried (or the server derived). */
  readonly seed: number | undefined;
  readonly stream: boolean;
  /** HTTP status sent; 0 when the connection was reset or stalled without one. */
  readonly status: number;
  readonly outcome: ServedOutcome;
  /** The wait a 429 asked for, ms. */
  readonly retryAfterMs: number | undefined;
  /** The usage the response reported, counted as the provider contract counts it; `null` when none was delivered. */
  readonly usage: Usage | null;
  /** What that usage costs at the model's price, the way its wire format's provider bills; `null` without usage or price. */
  readonly costUsd: number | null;
}

/** The server's own record of what it served, in arrival order. */
export interface ServedRecord {
  nextSequence(): number;
  add(entry: ServedEntry): void;
  /** Every entry, in arrival order; empty when entries are not kept. */
  entries(): readonly ServedEntry[];
  /** Requests per outcome, always kept. */
  outcomes(): Readonly<Partial<Record<ServedOutcome, number>>>;
}

/**
 * An in-memory record; one entry per request, added when its response has ended. A long-lived
 * server keeps only the counts (`keepEntries: false`): entries grow with every request.
 */
export function createServedRecord(keepEntries = true): ServedRecord {
  const entries: ServedEntry[] = [];
  const outcomes: Partial<Record<ServedOutcome, number>> = {};
  let sequence = 0;
  return {
    nextSequence: () => (sequence += 1),
    add: (entry) => {
      outcomes[entry.outcome] = (outcomes[entry.outcome] ?? 0) + 1;
      if (keepEntries) entries.push(entry);
    },
    entries: () => [...entries].sort((a, b) => a.sequence - b.sequence),
    outcomes: () => ({ ...outcomes }),
  };
}
