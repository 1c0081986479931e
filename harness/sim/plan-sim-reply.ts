import type { ChatMessage } from '../core/provider-contract.ts';
import type { SimSpec } from '../core/sim-spec.ts';
import { estimateTokens } from '../tokens/estimate-tokens.ts';
import { hash32 } from './hash-random.ts';
import { writeSimAnswer } from './sim-answer.ts';
import { isCorrect, simCache, simReasoningTokens, simTiming, type SimCacheOutcome, type SimTiming } from './sim-behaviour.ts';
import type { SimOracle } from './sim-oracle.ts';

/** A simulated model: its config id (which seeds its draws) and its behaviour. */
export interface SimModel {
  readonly id: string;
  readonly sim: SimSpec;
}

/** What the simulator reads from a call, whatever wire format it came in. */
export interface SimPrompt {
  readonly system: string | undefined;
  readonly messages: readonly ChatMessage[];
  readonly maxTokens: number;
  /** The attempt seed: answers, timing and cache hits are drawn from it. */
  readonly seed: number;
}

/** Token counts of one simulated reply: the simulator's ground truth, before any wire format. */
export interface SimTokens {
  /** The whole prompt, system prompt included. */
  readonly input: number;
  /** The repeated prefix (the system prompt): the part a prompt cache can hold. */
  readonly prefix: number;
  readonly cache: SimCacheOutcome;
  /** Visible answer tokens, after the `maxTokens` cut. */
  readonly visible: number;
  /** Hidden reasoning tokens, billed as output. */
  readonly reasoning: number;
}

/** One simulated reply, shared by the in-process provider and `sim-serve`. */
export interface SimReply {
  readonly text: string;
  readonly finishReason: 'stop' | 'length';
  readonly tokens: SimTokens;
  readonly timing: SimTiming;
}

/**
 * Plans the reply of `model` to `prompt`: the answer (right at the model's skill for the task the
 * oracle recognises), its token counts and its timing. Deterministic from (model, seed, prompt).
 */
export function planSimReply(model: SimModel, oracle: SimOracle, prompt: SimPrompt): SimReply {
  const text = prompt.messages.map((message) => message.content).join('\n');
  const knowledge = oracle.lookup(prompt.system, text);
  const correct = knowledge !== undefined && isCorrect(model.sim, model.id, knowledge, prompt.seed);
  const answer = writeSimAnswer(knowledge, correct, model.sim.verbosity, hash32(model.id, prompt.seed));
  const reasoning = simReasoningTokens(model.sim, model.id, prompt.seed);
  const answerTokens = estimateTokens(answer);
  // Reasoning has its own budget (like a thinking budget); max_tokens caps the visible answer.
  const truncated = answerTokens > prompt.maxTokens;
  const visible = Math.min(prompt.maxTokens, answerTokens);
  // Chat formats add a few tokens of framing per message; 4 is the usual overhead.
  const prefix = prompt.system === undefined ? 0 : estimateTokens(prompt.system) + 4;
  const input = prefix + estimateTokens(text) + 4 * prompt.messages.length;
  return {
    text: truncated ? answer.slice(0, prompt.maxTokens * 4) : answer,
    finishReason: truncated ? 'length' : 'stop',
    tokens: { input, prefix, cache: simCache(model.sim, model.id, prompt.seed, prefix), visible, reasoning },
    timing: simTiming(model.sim, model.id, prompt.seed, visible + reasoning),
  };
}
