import type { ServerResponse } from 'node:http';
import { sleep } from '../scheduler/sleep.ts';
import type { SimTiming } from '../sim/sim-behaviour.ts';
import type { WireProtocol, WireReply } from './wire-protocol.ts';

/** How a reply is spoiled on purpose: a body that is not JSON, or a response cut off mid-way. */
export type ReplyDamage = 'malformed' | 'truncated_stream' | undefined;

/** How writing a reply ended. */
export type ReplyEnd = 'sent' | 'damaged' | 'client_closed';

/** Everything needed to write one reply. */
export interface ReplyPlan {
  readonly protocol: WireProtocol;
  readonly reply: WireReply;
  readonly stream: boolean;
  readonly timing: SimTiming;
  readonly timeScale: number;
  readonly damage: ReplyDamage;
  readonly headers: Record<string, string>;
  /** Aborts when the client leaves or the server closes. */
  readonly signal: AbortSignal;
}

/**
 * Writes a reply with the simulated timing: a plain body after the whole generation time; a
 * stream with its first text after the time to first token and the rest spread over the
 * remaining time. Damage cuts the reply half-way: malformed JSON then a clean end, or a
 * dropped connection.
 */
export async function sendReply(res: ServerResponse, plan: ReplyPlan): Promise<ReplyEnd> {
  try {
    return plan.stream ? await sendStream(res, plan) : await sendPlain(res, plan);
  } catch (error) {
    if (plan.signal.aborted) return 'client_closed';
    throw error;
  }
}

async function sendPlain(res: ServerResponse, plan: ReplyPlan): Promise<ReplyEnd> {
  await pause(plan.timing.totalMs * plan.timeScale, plan.signal);
  const body = Buffer.from(JSON.stringify(plan.protocol.body(plan.reply)));
  const half = body.subarray(0, Math.floor(body.length / 2));
  if (plan.damage === 'truncated_stream') {
    // The length promises the whole body; the connection drops after half of it.
    res.writeHead(200, { ...plan.headers, 'content-type': 'application/json', 'content-length': String(body.length) });
    res.write(half, () => res.destroy());
    return 'damaged';
  }
  const sent = plan.damage === 'malformed' ? half : body;
  res.writeHead(200, { ...plan.headers, 'content-type': 'application/json', 'content-length': String(sent.length) });
  await new Promise<void>((resolve) => res.end(sent, resolve));
  return plan.damage === 'malformed' ? 'damaged' : 'sent';
}

async function sendStream(res: ServerResponse, plan: ReplyPlan): Promise<ReplyEnd> {
  const { protocol, timing, timeScale, signal } = plan;
  const events = protocol.events(plan.reply);
  const format = (event: { event?: string; data: string }) => `${event.event === undefined ? '' : `event: ${event.event}\n`}data: ${event.data}${protocol.eventSeparator}`;
  const found = events.findIndex((event) => event.text);
  const firstText = found === -1 ? events.length - 1 : found;
  const gap = ((timing.totalMs - timing.ttftMs) * timeScale) / Math.max(1, events.length - 1 - firstText);
  const cutAt = plan.damage === undefined ? -1 : Math.floor(events.length / 2);
  res.writeHead(200, { ...plan.headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  // Events due at the same moment leave in one write (at time scale 0, the whole reply): a
  // write per event cost a system call each on this side and a read each on the client's.
  res.cork();
  for (const [index, event] of events.entries()) {
    const wait = index === firstText ? timing.ttftMs * timeScale : index > firstText ? gap : 0;
    if (wait > 0) {
      // What is due goes out before the pause; with nothing yet, the headers alone, so that the
      // client sees the stream open at once.
      if (index === 0) res.flushHeaders();
      res.uncork();
      await pause(wait, signal);
      res.cork();
    } else {
      signal.throwIfAborted();
    }
    if (index === cutAt) {
      if (plan.damage === 'truncated_stream') {
        res.destroy();
        return 'damaged';
      }
      // The event the client expects next, its JSON cut short: a parse error, not a clean end.
      const broken = format({ ...event, data: event.data.slice(0, Math.max(1, Math.floor(event.data.length / 2))) });
      await new Promise<void>((resolve) => res.end(broken, resolve));
      return 'damaged';
    }
    res.write(format(event));
  }
  await new Promise<void>((resolve) => res.end(resolve));
  return 'sent';
}

/** At time scale 0 a reply goes out at once: no timer turn per event. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms > 0) await sleep(ms, signal);
  else signal.throwIfAborted();
}
