import type { ChatMessage, ProviderRequest } from '../core/provider-contract.ts';
import type { TrySignal } from '../scheduler/call-with-retries.ts';

/**
 * The request of one try, whose `signal` reads through to the try's signal, created only when a
 * provider reads it (the in-process sim never does). A class with the accessor on its prototype,
 * not an object literal with a getter: a literal's accessor is a fresh function per call, and at
 * tens of thousands of calls a second those literals were a large share of what the garbage
 * collector had to move. Being a prototype accessor, `signal` does not survive a spread
 * (`{ ...request }`): pass the request itself on, or name `signal` in the copy.
 */
export class TryRequest implements ProviderRequest {
  constructor(
    readonly model: string,
    readonly system: string | undefined,
    readonly messages: readonly ChatMessage[],
    readonly maxTokens: number,
    readonly temperature: number,
    readonly topP: number | undefined,
    readonly stop: readonly string[] | undefined,
    readonly seed: number,
    private readonly trySignal: TrySignal,
  ) {}

  get signal(): AbortSignal {
    return this.trySignal.signal;
  }
}
