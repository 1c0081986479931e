import type { Config, Limits } from '../core/models-schema.ts';
import type { Price } from '../core/price-schema.ts';
import type { SimModel } from '../sim/plan-sim-reply.ts';

/** A simulated model as `sim-serve` serves it. */
export interface ServedModel extends SimModel {
  /** The name clients send as `model` (the config's `model`; the config `id` works too). */
  readonly model: string;
  /** The config's list price, for the server's own cost record. */
  readonly price: Price | undefined;
  /** Enforced by the server per model, as a provider enforces an account's limits. */
  readonly limits: Limits;
}

/** The models a server knows, by the names clients may use. */
export interface SimFleet {
  readonly models: readonly ServedModel[];
  find(name: string): ServedModel | undefined;
}

/** The `sim` models of a config; other models are not the simulator's to serve. */
export function createSimFleet(config: Config): SimFleet {
  const models: ServedModel[] = [];
  for (const model of config.models) {
    if (model.provider !== 'sim' || model.sim === undefined) continue;
    models.push({ id: model.id, model: model.model, sim: model.sim, price: model.price, limits: model.limits });
  }
  const byName = new Map<string, ServedModel>();
  // Model names first, so that an id never hides another model's name.
  for (const model of models) byName.set(model.id, model);
  for (const model of models) byName.set(model.model, model);
  return { models, find: (name) => byName.get(name) };
}
