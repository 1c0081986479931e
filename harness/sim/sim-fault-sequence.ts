import { simFault, type SimFault } from './sim-behaviour.ts';
import type { SimModel } from './plan-sim-reply.ts';

/** Draws the fault of each call, attempt by attempt. */
export interface SimFaultSequence {
  /** The fault of the next call of the attempt `seed` to `model`, or `undefined` for a clean call. */
  next(model: SimModel, seed: number): SimFault;
}

/**
 * A fault moves its attempt to the next call index, so a retry draws anew and can succeed, as it
 * does against real services; a clean call forgets the attempt. Only attempts whose last call
 * failed are remembered.
 */
export function createSimFaultSequence(): SimFaultSequence {
  const faultedCalls = new Map<string, number>();
  return {
    next(model, seed) {
      const key = `${model.id}\u0000${seed}`;
      const callIndex = faultedCalls.get(key) ?? 0;
      const fault = simFault(model.sim, model.id, seed, callIndex);
      if (fault === undefined) faultedCalls.delete(key);
      else faultedCalls.set(key, callIndex + 1);
      return fault;
    },
  };
}
